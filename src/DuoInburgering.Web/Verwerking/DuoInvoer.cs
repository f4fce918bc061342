namespace DuoInburgering.Web.Verwerking;

/// <summary>A DUO action (a release, a choice) that cannot be done as asked; the message is Dutch, for DUO staff. Nothing was written.</summary>
public sealed class DuoActieException(string message) : Exception(message);

/// <summary>Who and why are mandatory for every release and choice: both are kept with it.</summary>
public static class DuoInvoer
{
    public static void Controleer(string? door, string? reden, string wat)
    {
        if (string.IsNullOrWhiteSpace(reden))
        {
            throw new DuoActieException($"Geef een reden op: {wat} wordt met reden vastgelegd.");
        }
        if (string.IsNullOrWhiteSpace(door))
        {
            throw new DuoActieException($"Geef op wie dit doet (door): {wat} wordt met naam vastgelegd.");
        }
    }
}
