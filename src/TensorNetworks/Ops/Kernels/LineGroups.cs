namespace TensorNetworks;

/// <summary>
/// How <see cref="StridedSoftmax{T}"/> cuts the strided lines of an (outer, extent, inner) view (inner &gt; 1; line
/// o·inner + c holds element (o, k, c) for every k) into work. Each block o is cut into panels of at most
/// <see cref="PanelWidth"/> adjacent columns, so that rows of a million elements need no million-element scratch and
/// spread over the cores without combining anything; a panel's rows are taken <see cref="GroupRows"/> at a time (a
/// group, one contiguous span when the panel is the whole row), so that a short row (inner 2 or 10) does not cost a
/// TensorPrimitives call of its own; and a panel's extent is cut into items of <see cref="ItemRows"/> rows, the unit of
/// parallel work and of the partial sums. All of it depends on the shape alone, never on the core count, so the sums,
/// added item by item in order, and with them the results, are the same on any machine.
/// </summary>
/// <example><code>LineGroups.Of(1, 1 &lt;&lt; 21, 2); // one panel; groups of 512 rows (1024 elements), items of 32768 rows</code></example>
internal readonly record struct LineGroups(int Outer, int Extent, int Inner, int Width, int PanelsPerBlock, int GroupRows, int ItemRows, int ItemsPerPanel)
{
    /// <summary>Elements per group when rows are short: long enough to run TensorPrimitives at full speed, short enough
    /// for the group's scratch to stay in L1, and within one <see cref="AlignedMath.ChunkLength"/> (512 and 2048
    /// measured the same or slower).</summary>
    internal const int GroupElements = 1024;

    /// <summary>The widest panel. Narrower panels of rows that fit (2048×512 in panels of 128 columns) measured twice as
    /// slow as whole rows: each row of a panel costs its own calls, and a panel's rows, a whole row apart, share few
    /// cache sets.</summary>
    internal const int PanelWidth = 4096;

    /// <summary>Elements per item: a parallel piece large enough to outweigh its dispatch (32K and 128K measured the
    /// same).</summary>
    internal const int ItemElements = 1 << 16;

    /// <summary>Cuts the lines of (<paramref name="outer"/>, <paramref name="extent"/>, <paramref name="inner"/>).</summary>
    internal static LineGroups Of(int outer, int extent, int inner)
    {
        int panels = (inner + PanelWidth - 1) / PanelWidth;
        int width = panels == 1 ? inner : ((inner + panels - 1) / panels + 15) / 16 * 16;
        int groupRows = width == inner ? Math.Clamp(GroupElements / inner, 1, Math.Max(1, extent)) : 1;
        int itemRows = groupRows * Math.Max(1, ItemElements / (groupRows * width));
        return new(outer, extent, inner, width, (inner + width - 1) / width, groupRows, itemRows, Math.Max(1, (extent + itemRows - 1) / itemRows));
    }

    /// <summary>Panels in all: <see cref="PanelsPerBlock"/> per block.</summary>
    internal int Panels => Outer * PanelsPerBlock;

    /// <summary>Items in all: <see cref="ItemsPerPanel"/> per panel, a panel's items adjacent and in row order.</summary>
    internal int Items => Panels * ItemsPerPanel;

    /// <summary>Elements of scratch a group needs: <see cref="GroupRows"/> rows of <see cref="Width"/>.</summary>
    internal int GroupLength => GroupRows * Width;

    /// <summary>Panel <paramref name="panel"/>'s first line (the index of its values in a per-line array) and width.</summary>
    internal (int Line, int Width) Panel(int panel)
    {
        int o = panel / PanelsPerBlock, first = panel % PanelsPerBlock * Width;
        return (o * Inner + first, Math.Min(Width, Inner - first));
    }

    /// <summary>Item <paramref name="item"/>: its panel and its rows [<c>First</c>, <c>End</c>).</summary>
    internal (int Panel, int First, int End) Item(int item)
    {
        int first = item % ItemsPerPanel * ItemRows;
        return (item / ItemsPerPanel, first, Math.Min(Extent, first + ItemRows));
    }

    /// <summary>Where row <paramref name="k"/> of the panel whose first line is <paramref name="line"/> starts in the
    /// (outer, extent, inner) array.</summary>
    internal int RowStart(int line, int k) => (line / Inner * Extent + k) * Inner + line % Inner;

    /// <summary>The length of the group that starts at row <paramref name="k"/> of an item ending at row
    /// <paramref name="end"/>, in a panel <paramref name="width"/> wide (the whole row when a group has several).</summary>
    internal int GroupLengthAt(int k, int end, int width) => Math.Min(GroupRows, end - k) * width;
}
