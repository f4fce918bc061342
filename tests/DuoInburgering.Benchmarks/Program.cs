using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/DuoInburgering.Benchmarks -- --filter '*Regime*' --job short
BenchmarkSwitcher.FromAssembly(typeof(DuoInburgering.Benchmarks.RegimeBenchmark).Assembly).Run(args);
