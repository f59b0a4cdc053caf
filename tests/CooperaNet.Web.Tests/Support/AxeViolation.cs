namespace CooperaNet.Web.Tests.Support;

/// <summary>One failed axe-core rule on a page, with the elements that break it.</summary>
public sealed record AxeViolation(string Id, string? Impact, string Help, IReadOnlyList<AxeNode> Nodes)
{
    public override string ToString() =>
        $"{Id} ({Impact}): {Help}" + string.Concat(Nodes.Select(node => $"{Environment.NewLine}    {node}"));
}

/// <summary>An element that fails a rule: its CSS selector and axe's explanation.</summary>
public sealed record AxeNode(string Target, string? Summary)
{
    public override string ToString() => $"{Target}: {Summary?.ReplaceLineEndings(" ")}";
}
