namespace Flux.Samples;

/// <summary>One runnable sample: a name for the command line, what it shows, and how to run it.</summary>
/// <param name="Name">The name given to <c>dotnet run -- &lt;name&gt;</c>.</param>
/// <param name="Description">One line on what the sample shows.</param>
/// <param name="Usage">The inputs it takes.</param>
/// <param name="Example">The inputs <c>all</c> runs it with.</param>
/// <param name="Run">Runs the sample on the inputs and writes its result.</param>
public sealed record Sample(string Name, string Description, string Usage, string[] Example, Func<string[], TextWriter, Task> Run);
