using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DuoInburgering.Web.Audit;

/// <summary>One row of <c>audit.regel</c> as stored, in the column order of the table.</summary>
internal sealed record KetenRij(
    long Id, DateTimeOffset Tijdstip, string Soort, string Verwerkingsactiviteit, byte[]? Betrokkene, string? BetrokkeneType,
    string Actor, string? Rol, string? GemeenteCode, byte[] TraceId, byte[] SpanId, string? Gegevens);

/// <summary>
/// The chain: hash = SHA-256(previous row's hash ‖ canonical content of this row). The canonical content is
/// every column but the hash, in table order, each length-prefixed (int32 big-endian, −1 for null; text as
/// UTF-8; the id and the time in microseconds since 1970 as int64 big-endian), so no two different rows have
/// the same content. Writer and verifier use this one function; a changed byte anywhere breaks the row.
/// The content after the id (<see cref="Inhoud"/>) is also what the writer sends: its fields after the time
/// are byte for byte the fields of a binary COPY row, and <c>audit.toevoegen</c> hashes it on the server as
/// SHA-256(previous hash ‖ id ‖ content) without knowing the format.
/// </summary>
internal sealed class KetenHash
{
    public const int Lengte = 32;
    public const string Kolommen =
        "id, tijdstip, soort, verwerkingsactiviteit, betrokkene, betrokkene_type, actor, rol, gemeente_code, trace_id, span_id, gegevens";

    /// <summary>Bytes before the content in the hashed input: the previous hash and the id.</summary>
    public const int Voorloop = Lengte + sizeof(long);

    /// <summary>The hash before the first row ever written.</summary>
    public static readonly byte[] Begin = new byte[Lengte];

    private byte[] _buffer;
    private int _lengte;

    public KetenHash(int capaciteit = 512) => _buffer = new byte[Math.Max(capaciteit, 64)];

    /// <summary>PostgreSQL keeps microseconds; the hash is over what is stored, so times are cut to that first.</summary>
    public static DateTimeOffset OpMicroseconden(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);

    /// <summary>The time as hashed: microseconds since 1970.</summary>
    public static long Microseconden(DateTimeOffset t) => (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public void Bereken(ReadOnlySpan<byte> vorige, KetenRij r, Span<byte> hash)
    {
        _lengte = 0;
        Schrijf(vorige);
        Getal(r.Id);
        Inhoud(r);
        SHA256.HashData(_buffer.AsSpan(0, _lengte), hash);
    }

    public byte[] Bereken(ReadOnlySpan<byte> vorige, KetenRij r)
    {
        var hash = new byte[Lengte];
        Bereken(vorige, r, hash);
        return hash;
    }

    /// <summary>
    /// The hash of a row whose content after the id is <c>invoer[Voorloop..]</c>: the first <see cref="Voorloop"/>
    /// bytes of <paramref name="invoer"/> are room for the previous hash and the id, filled in here, so a writer
    /// hashes rows kept side by side without copying them.
    /// </summary>
    public static void Bereken(ReadOnlySpan<byte> vorige, long id, Span<byte> invoer, Span<byte> hash)
    {
        vorige.CopyTo(invoer);
        BinaryPrimitives.WriteInt64BigEndian(invoer[Lengte..], id);
        SHA256.HashData(invoer, hash);
    }

    // The writer's side: the content after the id, appended row after row to one buffer.

    /// <summary>Everything written so far.</summary>
    public Span<byte> Geschreven => _buffer.AsSpan(0, _lengte);

    public int Positie => _lengte;

    /// <summary>Room for <paramref name="n"/> bytes at the end, to be filled by the caller (the prefix before a row's content).</summary>
    public Span<byte> Ruimte(int n)
    {
        if (_lengte + n > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _lengte + n));
        }
        var span = _buffer.AsSpan(_lengte, n);
        _lengte += n;
        return span;
    }

    /// <summary>Appends a copy of bytes already written (a part shared with the previous row).</summary>
    public void Herhaal(int begin, int lengte)
    {
        Ruimte(lengte);
        _buffer.AsSpan(begin, lengte).CopyTo(_buffer.AsSpan(_lengte - lengte));
    }

    /// <summary>The canonical content after the id: the time, then every column up to the payload.</summary>
    public void Inhoud(KetenRij r)
    {
        Kop(Microseconden(r.Tijdstip), r.Soort, r.Verwerkingsactiviteit);
        Bytes(r.Betrokkene);
        Staart(r.BetrokkeneType, r.Actor, r.Rol, r.GemeenteCode, r.TraceId, r.SpanId, r.Gegevens);
    }

    /// <summary>The length of the part before the data subject in a row's content: the time, then two length-prefixed texts.</summary>
    public static int KopLengte(ReadOnlySpan<byte> inhoud)
    {
        var n = sizeof(long);
        for (var veld = 0; veld < 2; veld++)
        {
            n += sizeof(int) + BinaryPrimitives.ReadInt32BigEndian(inhoud[n..]);
        }
        return n;
    }

    /// <summary>The content before the data subject.</summary>
    public void Kop(long microseconden, string soort, string verwerkingsactiviteit)
    {
        Getal(microseconden);
        Tekst(soort);
        Tekst(verwerkingsactiviteit);
    }

    /// <summary>The content after the data subject.</summary>
    public void Staart(string? betrokkeneType, string actor, string? rol, string? gemeenteCode, byte[] traceId, byte[] spanId, string? gegevens)
    {
        Tekst(betrokkeneType);
        Tekst(actor);
        Tekst(rol);
        Tekst(gemeenteCode);
        Bytes(traceId);
        Bytes(spanId);
        Tekst(gegevens);
    }

    public void Bytes(ReadOnlySpan<byte> waarde, bool isNull = false)
    {
        if (isNull)
        {
            Lengteveld(-1);
            return;
        }
        Lengteveld(waarde.Length);
        Schrijf(waarde);
    }

    private void Bytes(byte[]? waarde) => Bytes(waarde, waarde is null);

    private void Getal(long waarde) => BinaryPrimitives.WriteInt64BigEndian(Ruimte(8), waarde);

    private void Lengteveld(int lengte) => BinaryPrimitives.WriteInt32BigEndian(Ruimte(4), lengte);

    private void Tekst(string? waarde)
    {
        if (waarde is null)
        {
            Lengteveld(-1);
            return;
        }
        var n = Encoding.UTF8.GetByteCount(waarde);
        Lengteveld(n);
        Encoding.UTF8.GetBytes(waarde, Ruimte(n));
    }

    private void Schrijf(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Ruimte(bytes.Length));
}
