using Microsoft.AspNetCore.Components;

namespace GoldenThread.Views.Govuk;

/// <summary>A column heading of a table; numeric columns are right-aligned.</summary>
public sealed record TableHeader(string Text, bool Numeric = false)
{
    public static implicit operator TableHeader(string text) => new(text);
}

/// <summary>A cell of a table: text (encoded), or a fragment of markup from a component when the cell holds links or tags.</summary>
public sealed record TableCell(string? Text, RenderFragment? Content = null, bool Numeric = false, string? Class = null)
{
    public static implicit operator TableCell(string? text) => new(text);

    public static TableCell Of(RenderFragment content, bool numeric = false) => new(null, content, numeric);
}

/// <summary>A row of a table; <see cref="Id"/> lets other pages link to the row (<c>#CI-1</c>).</summary>
public sealed record TableRow(IReadOnlyList<TableCell> Cells, string? Id = null);

/// <summary>A previous or next link of pagination: its text ("Previous page" when not given) and, in the block style, a label.</summary>
public sealed record PageLink(string Href, string? Text = null, string? Label = null);

/// <summary>A numbered page of pagination; one with no number is an ellipsis.</summary>
public sealed record PageItem(int? Number, string? Href = null, bool Current = false);
