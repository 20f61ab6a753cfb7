using System.Text;

namespace EmployeeDirectory.Web.Auth.Accounts;

/// <summary>Reads a password for an account command: one line when piped, typed twice without echo at a terminal.</summary>
internal static class ConsolePassword
{
    public static string? Read(TextWriter output)
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        output.Write("Password: ");
        var first = ReadHidden();
        output.Write("Again: ");
        var second = ReadHidden();
        if (first == second)
        {
            return first;
        }

        output.WriteLine("The two passwords differ.");
        return null;
    }

    private static string ReadHidden()
    {
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
