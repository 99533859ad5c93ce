using System.Buffers.Binary;
using Microsoft.AspNetCore.Identity;

namespace GoldenThread.Cli.Tests;

/// <summary><c>editor hash</c>: the password from standard input, the hash the web app's editors configuration takes.</summary>
public class EditorCommandTests
{
    [Fact]
    public void Hash_PasswordOnStandardInput_PrintsAVersion3HashThatVerifies()
    {
        var result = CliRunner.RunWithInput("correct horse battery staple\n", "editor", "hash");

        Assert.Equal(0, result.ExitCode);
        var hash = result.Output.Trim();
        Assert.DoesNotContain("correct horse", result.Output + result.Error);
        var hasher = new PasswordHasher<object>();
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(new object(), hash, "correct horse battery staple"));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(new object(), hash, "correct horse battery staple\n"));

        // The layout of ASP.NET Core Identity's version 3 format: marker 0x01, PRF 2 (HMAC-SHA512), 100,000 iterations,
        // a 16-byte salt, a 32-byte subkey: 1 + 4 + 4 + 4 + 16 + 32 = 61 bytes.
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(61, bytes.Length);
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal(2, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1)));
        Assert.Equal(100_000, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(5)));
        Assert.Equal(16, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(9)));
    }

    [Fact]
    public void Hash_SamePasswordTwice_DifferentSalts()
    {
        var first = CliRunner.RunWithInput("correct horse battery staple\n", "editor", "hash").Output.Trim();
        var second = CliRunner.RunWithInput("correct horse battery staple\n", "editor", "hash").Output.Trim();

        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("", "No password was read from standard input")]
    [InlineData("\n", "No password was read from standard input")]
    [InlineData("eleven-char\n", "The password must be at least 12 characters long")]
    public void Hash_MissingOrShortPassword_Exit2AndNoHash(string input, string message)
    {
        var result = CliRunner.RunWithInput(input, "editor", "hash");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Equal("", result.Output);
    }
}
