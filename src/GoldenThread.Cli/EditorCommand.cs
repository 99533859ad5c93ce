using System.CommandLine;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace GoldenThread.Cli;

/// <summary>
/// <c>editor hash</c>: reads a password from standard input and prints its hash for <c>GoldenThread:Editors:N:PasswordHash</c>
/// of the web app. The password never goes on the command line, where it would stay in the shell's history.
/// </summary>
internal static class EditorCommand
{
    public const int MinimumPasswordLength = 12;

    public static Command Create()
    {
        var hash = new Command("hash", "Read a password from standard input (typed, not shown, or piped) and print the hash to put in the web app's GoldenThread:Editors configuration.");
        hash.SetAction(_ => Guarded.Run(() =>
        {
            string? password;
            if (Console.IsInputRedirected)
            {
                password = Console.In.ReadLine();
            }
            else
            {
                password = ReadHidden("Password: ");
                if (password is not null && ReadHidden("The same password again: ") != password)
                {
                    Console.Error.WriteLine("The two passwords differ; nothing was hashed.");
                    return ExitCodes.BadInput;
                }
            }

            if (string.IsNullOrEmpty(password))
            {
                Console.Error.WriteLine("No password was read from standard input: type it when asked, or pipe it in (goldenthread editor hash < file).");
                return ExitCodes.BadInput;
            }

            if (password.Length < MinimumPasswordLength)
            {
                Console.Error.WriteLine($"The password must be at least {MinimumPasswordLength} characters long (three random words make one that is easy to remember).");
                return ExitCodes.BadInput;
            }

            // The shared framework's hasher, as the web app verifies it: version 3, PBKDF2 with HMAC-SHA512, random salt.
            Console.WriteLine(new PasswordHasher<object>().HashPassword(new object(), password));
            Console.Error.WriteLine("Put this in GoldenThread:Editors:N:PasswordHash (or the environment variable GoldenThread__Editors__N__PasswordHash).");
            return ExitCodes.Ok;
        }));
        return new Command("editor", "Manage the web app's editors, who sign in to write commentary.") { hash };
    }

    /// <summary>Reads a line from the terminal without echoing it; null when input ends first.</summary>
    private static string? ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    Console.Error.WriteLine();
                    return text.ToString();
                case ConsoleKey.Backspace:
                    if (text.Length > 0)
                    {
                        text.Length--;
                    }

                    break;
                default:
                    if (key.KeyChar == '\u0004' && text.Length == 0)
                    {
                        Console.Error.WriteLine();
                        return null;
                    }

                    if (!char.IsControl(key.KeyChar))
                    {
                        text.Append(key.KeyChar);
                    }

                    break;
            }
        }
    }
}
