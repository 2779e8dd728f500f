using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Flux.Shared.Declarations.FluentGraphs;

/// <summary>Which builder method a <see cref="FluentCall"/> calls.</summary>
internal enum FluentCallKind
{
    AddNode,
    AddEdge,
    StartWith,
    EndWith,
}

/// <summary>
/// One builder call of a fluent graph, with its constant names and the syntax of its arguments, so that the analyzer
/// can add types and point at what is wrong, and the code fixes can edit it.
/// </summary>
internal sealed class FluentCall
{
    public FluentCall(FluentCallKind kind, InvocationExpressionSyntax invocation, string name, string? to, ExpressionSyntax nameArgument, ExpressionSyntax? secondArgument, ExpressionSyntax? when, string? description)
    {
        Kind = kind;
        Invocation = invocation;
        Name = name;
        To = to;
        NameArgument = nameArgument;
        SecondArgument = secondArgument;
        When = when;
        Description = description;
    }

    public FluentCallKind Kind { get; }

    /// <summary>The call.</summary>
    public InvocationExpressionSyntax Invocation { get; }

    /// <summary>The node's name (AddNode, StartWith, EndWith) or the edge's upstream node (AddEdge).</summary>
    public string Name { get; }

    /// <summary>The edge's downstream node (AddEdge).</summary>
    public string? To { get; }

    /// <summary>The argument that gives <see cref="Name"/>.</summary>
    public ExpressionSyntax NameArgument { get; }

    /// <summary>AddNode's task, or AddEdge's downstream node.</summary>
    public ExpressionSyntax? SecondArgument { get; }

    /// <summary>AddEdge's condition, if any.</summary>
    public ExpressionSyntax? When { get; }

    /// <summary>How the condition reads in a diagram: its <c>description</c> argument, else its source text.</summary>
    public string? Description { get; }

    /// <summary>From the method name to the closing parenthesis: <c>AddNode("a", ATask)</c>, not the whole chain before it.</summary>
    public Location Location =>
        Invocation.Expression is MemberAccessExpressionSyntax member
            ? Location.Create(Invocation.SyntaxTree, TextSpan.FromBounds(member.Name.SpanStart, Invocation.Span.End))
            : Invocation.GetLocation();
}
