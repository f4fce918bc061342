using BenchmarkDotNet.Attributes;
using DuoInburgering.Domain.Regimes;

namespace DuoInburgering.Benchmarks;

/// <summary>
/// Throughput of rule set 2022-03 over 100,000 pre-generated people. Target ≥ 200,000 rows/s
/// (brief), i.e. a mean below 500 ms per invocation; rows/s = 100,000 / mean.
/// </summary>
[MemoryDiagnoser]
public class RegimeBenchmark
{
    public const int Aantal = 100_000;

    private IndFeiten[] feiten = [];

    [GlobalSetup]
    public void Setup() => feiten = IndFeitenGenerator.Maak(Aantal);

    [Benchmark(Description = "Regelset2022_03.DeriveRegime x 100000")]
    public int DeriveRegime2022_03()
    {
        RegimeRegelset regels = Regelset2022_03.Instance;
        int plichtig = 0;
        foreach (IndFeiten f in feiten)
        {
            if (regels.DeriveRegime(f).IsInburgeringsplichtig)
            {
                plichtig++;
            }
        }

        return plichtig;
    }
}
