using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DuoInburgering.Web.Tests.Infrastructure;

/// <summary>
/// A self-signed certificate with its private key as a PFX file, made once per test process: the test hosts encrypt
/// their data protection keys with it (DataProtection__Certificaat), as Production must.
/// </summary>
public static class TestCertificaat
{
    public const string Wachtwoord = "test-sleutelring";

    private static readonly Lazy<string> Bestand = new(Maak);

    public static string Pad => Bestand.Value;

    /// <summary>A PFX file of a new certificate, without its private key when <paramref name="metPrivesleutel"/> is false.</summary>
    public static string Maak(bool metPrivesleutel)
    {
        using var rsa = RSA.Create(2048);
        var verzoek = new CertificateRequest("CN=DuoInburgering test sleutelring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificaat = verzoek.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var pad = Path.Combine(Path.GetTempPath(), $"pib-sleutelring-{Environment.ProcessId}-{Guid.NewGuid():N}.pfx");
        using var zonderSleutel = metPrivesleutel ? null : X509CertificateLoader.LoadCertificate(certificaat.Export(X509ContentType.Cert));
        File.WriteAllBytes(pad, (zonderSleutel ?? certificaat).Export(X509ContentType.Pfx, Wachtwoord));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(pad);
        return pad;
    }

    private static string Maak() => Maak(metPrivesleutel: true);
}
