namespace GoldenThread.Core;

/// <summary>
/// The outcome of parsing text in the core: a value, or an error message naming the input and what was expected.
/// </summary>
/// <remarks>
/// The core never throws on bad input (NodaTime's <c>ParseResult</c> habit): readers at the edge turn an error
/// into a message that also names the file, row and column.
/// </remarks>
public readonly record struct ParseResult<T>
{
    private readonly T? _value;

    private ParseResult(T? value, string? error)
    {
        _value = value;
        Error = error;
    }

    public bool Success => Error is null;

    public string? Error { get; }

    public T Value => Success ? _value! : throw new InvalidOperationException(Error);

    public static ParseResult<T> Ok(T value) => new(value, null);

    public static ParseResult<T> Fail(string error) => new(default, error);
}
