namespace Flux;

/// <summary>One page of a query's results, newest first.</summary>
/// <param name="Items">The executions of this page.</param>
/// <param name="ContinuationToken">Pass it to the next query to get the next page; null on the last page.</param>
public sealed record ExecutionPage(IReadOnlyList<ExecutionRecord> Items, string? ContinuationToken);
