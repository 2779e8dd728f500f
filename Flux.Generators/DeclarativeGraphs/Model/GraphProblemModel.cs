namespace Flux.Generators.DeclarativeGraphs.Model;

/// <summary>A rule a declarative graph breaks: the body the generator writes throws it, as <c>Graph.Build</c> would.</summary>
/// <param name="Code">The rule's code, <c>FLUXnnn</c>.</param>
/// <param name="Message">The message, without the code.</param>
internal sealed record GraphProblemModel(string Code, string Message);
