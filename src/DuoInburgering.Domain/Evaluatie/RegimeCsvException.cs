namespace DuoInburgering.Domain.Evaluatie;

/// <summary>
/// The input file as a whole cannot be evaluated (wrong or missing header). The message is Dutch and
/// meant for the policy staff; the CLI prints it to stderr and exits with code 2.
/// </summary>
public sealed class RegimeCsvException : Exception
{
    public RegimeCsvException()
    {
    }

    public RegimeCsvException(string message)
        : base(message)
    {
    }

    public RegimeCsvException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
