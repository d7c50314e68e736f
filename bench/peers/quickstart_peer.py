"""PyTorch peer of examples/QuickStart: the same data preparation (Fashion-MNIST pooled 2x2 to 14x14),
the same model (196-128-10 MLP with ReLU and dropout 0.1), batch size, Adam with a cosine schedule and
number of epochs; prints the training time, final test accuracy and the whole-program time as JSON.

    /usr/bin/python3 bench/peers/quickstart_peer.py [--epochs 3] [--threads 2]
"""
import argparse
import gzip
import json
import math
import os
import time

PROGRAM_START = time.perf_counter()

import numpy as np
import torch

FOLDER = "/usr/share/datasets/fashion-mnist"


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(split):
    images = read_idx(os.path.join(FOLDER, f"{split}-images-idx3-ubyte.gz")).astype(np.float32) / 255.0
    labels = read_idx(os.path.join(FOLDER, f"{split}-labels-idx1-ubyte.gz")).astype(np.int64)
    pooled = images.reshape(-1, 14, 2, 14, 2).mean(axis=(2, 4)).reshape(-1, 196)
    return torch.from_numpy(pooled), torch.from_numpy(labels)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)

    x, y = load("train")
    xt, yt = load("t10k")
    model = torch.nn.Sequential(torch.nn.Linear(196, 128), torch.nn.ReLU(), torch.nn.Dropout(0.1), torch.nn.Linear(128, 10))
    batches = math.ceil(len(x) / 128)
    optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs * batches)
    generator = torch.Generator().manual_seed(7)

    start = time.perf_counter()
    accuracy = 0.0
    for _ in range(args.epochs):
        model.train()
        order = torch.randperm(len(x), generator=generator)
        for b in range(batches):
            idx = order[b * 128:(b + 1) * 128]
            loss = torch.nn.functional.cross_entropy(model(x[idx]), y[idx])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
        model.eval()
        with torch.no_grad():
            accuracy = (model(xt).argmax(1) == yt).float().mean().item()
    train_seconds = time.perf_counter() - start
    print(json.dumps({"train_seconds": train_seconds, "test_accuracy": accuracy,
                      "program_seconds": time.perf_counter() - PROGRAM_START, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
