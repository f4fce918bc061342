using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DuoInburgering.Web.Data;
using DuoInburgering.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;

namespace DuoInburgering.Web.Security;

/// <summary>
/// Config section <c>DataProtection</c>: <c>Certificaat</c> (a PFX file with its private key) and
/// <c>CertificaatWachtwoord</c>. The keys that protect session cookies and antiforgery tokens live in the database
/// (table <c>data_protection_key</c>), not the container's file system, so a restart or a second instance keeps every
/// session valid. With a
/// certificate each key is stored encrypted with it, so a copy of the database alone cannot forge a session of a DUO
/// user or an auditor. Every environment but Development refuses to start without one (<see cref="PibOmgeving"/>); Development may keep them unencrypted (data
/// protection then warns once, when it makes a key).
/// </summary>
public static class Sleutelring
{
    public const string Sectie = "DataProtection";

    public static WebApplicationBuilder AddPibSleutelring(this WebApplicationBuilder builder)
    {
        var sleutelring = builder.Services.AddDataProtection().SetApplicationName("DuoInburgering").PersistKeysToDbContext<AppDbContext>();
        var sectie = builder.Configuration.GetSection(Sectie);
        var pad = sectie["Certificaat"];
        if (string.IsNullOrWhiteSpace(pad))
        {
            if (!PibOmgeving.ZwakkeStandaardenToegestaan(builder.Environment))
            {
                throw new PibConfigurationException(
                    "de sleutels die de sessies beveiligen zouden onversleuteld in de database staan: zet DataProtection__Certificaat " +
                    "(een PFX-bestand met privésleutel) en DataProtection__CertificaatWachtwoord.");
            }
            return builder;
        }
        var certificaat = Lees(pad, sectie["CertificaatWachtwoord"]);
        // Also decrypts with it (data protection does not look in a certificate store for it: on Linux a certificate read
        // from a file is in none).
        sleutelring.ProtectKeysWithCertificate(certificaat);
        return builder;
    }

    private static X509Certificate2 Lees(string pad, string? wachtwoord)
    {
        X509Certificate2 certificaat;
        try
        {
            certificaat = X509CertificateLoader.LoadPkcs12FromFile(pad, wachtwoord);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new PibConfigurationException($"DataProtection__Certificaat ({pad}) is niet te lezen: {e.Message}");
        }
        if (!certificaat.HasPrivateKey)
        {
            certificaat.Dispose();
            throw new PibConfigurationException($"DataProtection__Certificaat ({pad}) heeft geen privésleutel: zonder kan de portal zijn sleutels niet lezen.");
        }
        return certificaat;
    }
}
