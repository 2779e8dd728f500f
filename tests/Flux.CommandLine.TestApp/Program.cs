using Flux.CommandLine;
using Flux.CommandLine.TestApp;

return await FluxCommandLine.RunAsync(args, FluxCatalog.Workflows, new FluxCommandLineOptions
{
    ProgramName = "testapp",
    RunOptions = new RunOptions { Json = TestJson.Default.Options },
});
