using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/DuoInburgering.Benchmarks -- --filter '*Regime*' --job short
// dotnet run -c Release --project tests/DuoInburgering.Benchmarks -- import [--persons 1000000] [--regelset 2021-12] [--toepassen 10000] [--database NAAM]
// dotnet run -c Release --project tests/DuoInburgering.Benchmarks -- signalen [--signalen 10000000] [--database NAAM] [--alleen-download]
// ConnectionStrings__Pib=… dotnet run -c Release --project tests/DuoInburgering.Benchmarks -- belasting --database NAAM [--gebruikers 100] [--seconden 120]
// dotnet run -c Release --project tests/DuoInburgering.Benchmarks -- audit [--regels 1000000] [--batch 10000]
// dotnet run -c Release --project tests/DuoInburgering.Benchmarks -- bibliotheken [--rijen 1000000] [--keer 5] [--alleen lezen|csv|xlsx]
// ConnectionStrings__Pib=… dotnet run -c Release --project tests/DuoInburgering.Benchmarks -- audit --realistisch [--regels 50000000] [--personen 1500000] [--database NAAM] [--metingen 50] [--zonder-controle]
return args.Length > 0 && args[0] == "import" ? await DuoInburgering.Benchmarks.ImportBenchmark.RunAsync(args)
    : args.Length > 0 && args[0] == "signalen" ? await DuoInburgering.Benchmarks.SignalenBenchmark.RunAsync(args)
    : args.Length > 0 && args[0] == "belasting" ? await DuoInburgering.Benchmarks.BelastingMeting.RunAsync(args)
    : args.Length > 0 && args[0] == "bibliotheken" ? await DuoInburgering.Benchmarks.BibliotheekMeting.RunAsync(args)
    : args.Length > 0 && args[0] == "audit" ? await DuoInburgering.Benchmarks.AuditBenchmark.RunAsync(args)
    : Run(args);

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(DuoInburgering.Benchmarks.RegimeBenchmark).Assembly).Run(args);
    return 0;
}
