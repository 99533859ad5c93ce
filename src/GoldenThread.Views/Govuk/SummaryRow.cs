namespace GoldenThread.Views.Govuk;

/// <summary>One row of a summary list.</summary>
public sealed record SummaryRow(string Key, string? Value);

/// <summary>A problem with one field of a form: the field's id (the summary links to it) and the message.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>One option of a select, radios or checkboxes.</summary>
public sealed record Choice(string Value, string Text, string? Hint = null);

/// <summary>A link with its text: breadcrumbs, navigation.</summary>
public sealed record Crumb(string Text, string Href);
