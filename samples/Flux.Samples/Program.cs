using Flux.Samples;

return await SampleRunner.RunAsync(args, Console.Out, Console.Error);
