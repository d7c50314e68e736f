namespace TensorNetworks.Tests.Ops;

/// <summary>
/// A value hi + lo carried in two float64 numbers (about 106 bits), for references more precise than the float64 kernels
/// they check: exp and the sigmoid to ~1e-31 relative, so rounding hi gives the correctly rounded float64 value.
/// </summary>
internal readonly record struct DoubleDouble(double Hi, double Lo)
{
    private const double Ln2Hi = 0.6931471805599453, Ln2Lo = 2.3190468138462996e-17;

    public static implicit operator DoubleDouble(double x) => new(x, 0);

    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        var (s, e) = TwoSum(a.Hi, b.Hi);
        return Normalized(s, e + a.Lo + b.Lo);
    }

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + -b;

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        double p = a.Hi * b.Hi, e = Math.FusedMultiplyAdd(a.Hi, b.Hi, -p);
        return Normalized(p, e + a.Hi * b.Lo + a.Lo * b.Hi);
    }

    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        double q = a.Hi / b.Hi;
        DoubleDouble rest = a - b * q;
        return Normalized(q, rest.Hi / b.Hi);
    }

    /// <summary>exp(x) = 2ⁿ·exp(r), r = x − n·ln 2 in double-double, exp(r) by 30 terms of its series; for results that
    /// are normal float64 numbers (|x| ≤ 708).</summary>
    public static DoubleDouble Exp(double x)
    {
        double n = Math.Round(x / Ln2Hi);
        DoubleDouble r = (DoubleDouble)x - new DoubleDouble(Ln2Hi, Ln2Lo) * n;
        DoubleDouble sum = 1, term = 1;
        for (int k = 1; k <= 30; k++)
        {
            term = term * r / k;
            sum += term;
        }
        return new DoubleDouble(Math.ScaleB(sum.Hi, (int)n), Math.ScaleB(sum.Lo, (int)n));
    }

    private static (double Sum, double Error) TwoSum(double a, double b)
    {
        double s = a + b, bb = s - a;
        return (s, (a - (s - bb)) + (b - bb));
    }

    private static DoubleDouble Normalized(double hi, double lo)
    {
        double s = hi + lo;
        return new DoubleDouble(s, lo - (s - hi));
    }
}
