namespace DuoInburgering.Domain.Synthetisch;

/// <summary>A fixed list of values with integer weights; picks one with a <see cref="SplitMix"/>.</summary>
internal sealed class Gewogen<T>
{
    private readonly T[] _waarden;
    private readonly int[] _cumulatief;

    public Gewogen(IReadOnlyList<(T Waarde, int Gewicht)> items)
    {
        _waarden = new T[items.Count];
        _cumulatief = new int[items.Count];
        int som = 0;
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i].Gewicht <= 0)
            {
                throw new ArgumentException("Elk gewicht moet positief zijn.", nameof(items));
            }

            som += items[i].Gewicht;
            _waarden[i] = items[i].Waarde;
            _cumulatief[i] = som;
        }

        Totaal = som;
    }

    public int Totaal { get; }

    public IReadOnlyList<T> Waarden => _waarden;

    public T Kies(ref SplitMix rng)
    {
        int r = rng.Tot(Totaal);
        int i = Array.BinarySearch(_cumulatief, r);
        // BinarySearch returns the index of r when it equals a cumulative bound (that bound belongs
        // to the next item) or the complement of the first larger bound.
        i = i >= 0 ? i + 1 : ~i;
        return _waarden[i];
    }
}
