namespace DuoInburgering.Domain.Synthetisch;

/// <summary>
/// SplitMix64: small, fast and fully specified here, so output never depends on the runtime's
/// <see cref="Random"/> implementation. Not for anything secret: the data is synthetic.
/// </summary>
internal struct SplitMix
{
    private ulong _toestand;

    public SplitMix(ulong zaad) => _toestand = zaad;

    /// <summary>An independent stream per (seed, person index): person i does not depend on persons before it.</summary>
    public static SplitMix VoorPersoon(int seed, long index)
    {
        var m = new SplitMix(unchecked((ulong)seed * 0xD1B54A32D192ED03UL) ^ 0x5DEECE66DUL);
        ulong basis = m.Volgende();
        return new SplitMix(basis ^ unchecked((ulong)index * 0x9E3779B97F4A7C15UL));
    }

    public ulong Volgende()
    {
        ulong z = unchecked(_toestand += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, n).</summary>
    public int Tot(int n) => (int)((Volgende() >> 33) % (ulong)n);

    /// <summary>Uniform in [van, tot] inclusive.</summary>
    public int Tussen(int van, int tot) => van + Tot(tot - van + 1);

    /// <summary>Uniform in [0, 1).</summary>
    public double Fractie() => (Volgende() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="kans"/>.</summary>
    public bool Kans(double kans) => Fractie() < kans;
}
