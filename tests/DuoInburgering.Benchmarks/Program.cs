using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/DuoInburgering.Benchmarks -- --filter '*Regime*' --job short
// dotnet run -c Release --project tests/DuoInburgering.Benchmarks -- import [--persons 1000000]
return args.Length > 0 && args[0] == "import"
    ? await DuoInburgering.Benchmarks.ImportBenchmark.RunAsync(args)
    : Run(args);

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(DuoInburgering.Benchmarks.RegimeBenchmark).Assembly).Run(args);
    return 0;
}
