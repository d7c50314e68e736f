namespace TensorNetworks.Training.Callbacks;

/// <summary>
/// A series of (x, y) points whose memory stays bounded however many are added: when it holds
/// <c>capacity</c> points, neighbouring pairs are merged into their mean and each later stored point
/// averages twice as many raw points. Non-finite values are left out.
/// </summary>
internal sealed class CurveSeries
{
    private readonly int _capacity;
    private readonly List<(double X, double Y)> _points = [];
    private int _stride = 1;
    private int _pending;
    private double _sumX;
    private double _sumY;

    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="capacity"/> is less than 2.</exception>
    public CurveSeries(int capacity)
    {
        if (capacity < 2)
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"CurveSeries: capacity must be at least 2, got {capacity}.");
        _capacity = capacity;
    }

    /// <summary>Raw points each newly stored point averages.</summary>
    public int Stride => _stride;

    /// <summary>Number of raw finite points added.</summary>
    public long Added { get; private set; }

    /// <summary>Adds a raw point; ignores it when x or y is not finite.</summary>
    public void Add(double x, double y)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y)) return;
        Added++;
        _sumX += x;
        _sumY += y;
        if (++_pending < _stride) return;
        _points.Add((_sumX / _pending, _sumY / _pending));
        _pending = 0;
        _sumX = _sumY = 0;
        if (_points.Count >= _capacity) Halve();
    }

    /// <summary>The stored points in order, plus the mean of the raw points not yet stored.</summary>
    public IReadOnlyList<(double X, double Y)> Points()
    {
        var all = new List<(double X, double Y)>(_points.Count + 1);
        all.AddRange(_points);
        if (_pending > 0) all.Add((_sumX / _pending, _sumY / _pending));
        return all;
    }

    private void Halve()
    {
        int kept = 0;
        for (int i = 0; i + 1 < _points.Count; i += 2)
            _points[kept++] = ((_points[i].X + _points[i + 1].X) / 2, (_points[i].Y + _points[i + 1].Y) / 2);
        if (_points.Count % 2 == 1) _points[kept++] = _points[^1];
        _points.RemoveRange(kept, _points.Count - kept);
        _stride *= 2;
    }
}
