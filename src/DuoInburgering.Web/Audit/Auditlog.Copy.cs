using System.Buffers;
using System.Buffers.Binary;
using Npgsql;

namespace DuoInburgering.Web.Audit;

/// <summary>
/// The binary COPY writer of <see cref="Auditlog"/>: many rows (an import) are chained here and copied, each from its
/// canonical content, so the server's inserts set the pace (benchmark "audit"). The API, the pseudonyms and the
/// preparation of rows are in Auditlog.cs.
/// </summary>
public sealed partial class Auditlog
{
    private const int CopyBlok = 64 * 1024;
    private const int Kolommen = 13;
    private static readonly long Epoch2000 = KetenHash.Microseconden(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>What starts every binary COPY stream: the signature, then flags and header extension length (both 0).</summary>
    private static readonly byte[] CopyKop = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>
    /// The chain head (and the lock) in one round trip, then every row by binary COPY.
    /// A row's COPY fields after the time are its canonical content as it is, so each row is one copy of bytes.
    /// </summary>
    private static async Task MetCopyAsync(NpgsqlConnection verbinding, NpgsqlTransaction transactie, Aanroep aanroep, Bereide eerste,
        CancellationToken ct)
    {
        var laatsteId = -1L;
        var vorige = new byte[KetenHash.Lengte];
        await using (var kop = new NpgsqlCommand("select laatste_id, laatste_hash from audit.keten_kop()", verbinding, transactie))
        await using (var lezer = await kop.ExecuteReaderAsync(ct))
        {
            if (await lezer.ReadAsync(ct))
            {
                laatsteId = lezer.GetInt64(0);
                lezer.GetFieldValue<byte[]>(1).CopyTo(vorige, 0);
            }
        }
        if (laatsteId < 0)
        {
            throw new InvalidOperationException("audit.keten_kop() gaf geen kop van de keten.");
        }

        var blok = ArrayPool<byte>.Shared.Rent(CopyBlok);
        var copy = await verbinding.BeginRawBinaryCopyAsync($"copy audit.regel ({KetenHash.Kolommen}, hash) from stdin (format binary)", ct);
        try
        {
            CopyKop.CopyTo(blok, 0);
            var vol = CopyKop.Length;
            for (var rijen = eerste; ; rijen = aanroep.Bereid(rijen.Van + rijen.Aantal, Math.Min(aanroep.Invoer.Length, rijen.Van + rijen.Aantal + CopyDeel)))
            {
                var i = 0;
                while (i < rijen.Aantal)
                {
                    vol = Vul(rijen, ref i, ref laatsteId, vorige, blok, vol);
                    if (i < rijen.Aantal)
                    {
                        if (vol == 0)
                        {
                            // One row larger than a block (a very long payload).
                            ArrayPool<byte>.Shared.Return(blok);
                            blok = ArrayPool<byte>.Shared.Rent(TupelGrootte(rijen, i));
                            continue;
                        }
                        await copy.WriteAsync(blok.AsMemory(0, vol), ct);
                        vol = 0;
                    }
                }
                if (rijen.Van + rijen.Aantal == aanroep.Invoer.Length)
                {
                    break;
                }
            }
            if (vol + 2 > blok.Length)
            {
                await copy.WriteAsync(blok.AsMemory(0, vol), ct);
                vol = 0;
            }
            BinaryPrimitives.WriteInt16BigEndian(blok.AsSpan(vol), -1);
            await copy.WriteAsync(blok.AsMemory(0, vol + 2), ct);
        }
        catch
        {
            await copy.CancelAsync();
            await copy.DisposeAsync();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(blok);
        }
        // Disposing the stream ends the COPY and waits for the server's answer.
        await copy.DisposeAsync();
    }

    /// <summary>A row as a binary COPY tuple: field count, id, time, the content's fields after the time, the hash.</summary>
    private static int TupelGrootte(Bereide rijen, int i) =>
        rijen.Begin[i + 1] - rijen.Begin[i] - KetenHash.Voorloop + 2 + 12 + 12 - 8 + 4 + KetenHash.Lengte;

    /// <summary>Chains and writes rows from <paramref name="i"/> on into <paramref name="blok"/> while they fit; returns how full it is.</summary>
    private static int Vul(Bereide rijen, ref int i, ref long laatsteId, byte[] vorige, byte[] blok, int vol)
    {
        var data = rijen.Inhoud.Geschreven;
        for (var n = rijen.Aantal; i < n; i++)
        {
            var grootte = TupelGrootte(rijen, i);
            if (vol + grootte > blok.Length)
            {
                return vol;
            }
            var rij = data[rijen.Begin[i]..rijen.Begin[i + 1]];
            KetenHash.Bereken(vorige, ++laatsteId, rij, vorige);
            var inhoud = rij[KetenHash.Voorloop..];
            var uit = blok.AsSpan(vol, grootte);
            BinaryPrimitives.WriteInt16BigEndian(uit, Kolommen);
            BinaryPrimitives.WriteInt32BigEndian(uit[2..], sizeof(long));
            BinaryPrimitives.WriteInt64BigEndian(uit[6..], laatsteId);
            BinaryPrimitives.WriteInt32BigEndian(uit[14..], sizeof(long));
            // timestamptz on the wire: microseconds since 2000; the hash has them since 1970.
            BinaryPrimitives.WriteInt64BigEndian(uit[18..], BinaryPrimitives.ReadInt64BigEndian(inhoud) - Epoch2000);
            inhoud[8..].CopyTo(uit[26..]);
            BinaryPrimitives.WriteInt32BigEndian(uit[^(4 + KetenHash.Lengte)..], KetenHash.Lengte);
            vorige.CopyTo(uit[^KetenHash.Lengte..]);
            vol += grootte;
        }
        return vol;
    }
}
