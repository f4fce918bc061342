using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DuoInburgering.Web.Features.Audit;

/// <summary>One row of <c>audit.regel</c> as stored, in the column order of the table.</summary>
internal sealed record AuditRij(
    long Id, DateTimeOffset Tijdstip, string Soort, string Verwerkingsactiviteit, byte[]? Betrokkene, string? BetrokkeneType,
    string Actor, string? Rol, string? GemeenteCode, byte[] TraceId, byte[] SpanId, string? Gegevens);

/// <summary>
/// The chain: hash = SHA-256(previous row's hash ‖ canonical content of this row). The canonical content is
/// every column but the hash, in table order, each length-prefixed (int32 big-endian, −1 for null; text as
/// UTF-8; the id and the time in microseconds since 1970 as int64 big-endian), so no two different rows have
/// the same content. Writer and verifier use this one function; a changed byte anywhere breaks the row.
/// </summary>
internal sealed class KetenHash
{
    public const int Lengte = 32;
    public const string Kolommen =
        "id, tijdstip, soort, verwerkingsactiviteit, betrokkene, betrokkene_type, actor, rol, gemeente_code, trace_id, span_id, gegevens";

    /// <summary>The hash before the first row ever written.</summary>
    public static readonly byte[] Begin = new byte[Lengte];

    private byte[] _buffer = new byte[512];
    private int _lengte;

    /// <summary>PostgreSQL keeps microseconds; the hash is over what is stored, so times are cut to that first.</summary>
    public static DateTimeOffset OpMicroseconden(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);

    public void Bereken(ReadOnlySpan<byte> vorige, AuditRij r, Span<byte> hash)
    {
        _lengte = 0;
        Schrijf(vorige);
        Getal(r.Id);
        Getal((r.Tijdstip.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10);
        Tekst(r.Soort);
        Tekst(r.Verwerkingsactiviteit);
        Bytes(r.Betrokkene);
        Tekst(r.BetrokkeneType);
        Tekst(r.Actor);
        Tekst(r.Rol);
        Tekst(r.GemeenteCode);
        Bytes(r.TraceId);
        Bytes(r.SpanId);
        Tekst(r.Gegevens);
        SHA256.HashData(_buffer.AsSpan(0, _lengte), hash);
    }

    public byte[] Bereken(ReadOnlySpan<byte> vorige, AuditRij r)
    {
        var hash = new byte[Lengte];
        Bereken(vorige, r, hash);
        return hash;
    }

    private void Getal(long waarde) => BinaryPrimitives.WriteInt64BigEndian(Ruimte(8), waarde);

    private void Lengteveld(int lengte) => BinaryPrimitives.WriteInt32BigEndian(Ruimte(4), lengte);

    private void Bytes(byte[]? waarde)
    {
        if (waarde is null)
        {
            Lengteveld(-1);
            return;
        }
        Lengteveld(waarde.Length);
        Schrijf(waarde);
    }

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

    private Span<byte> Ruimte(int n)
    {
        if (_lengte + n > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _lengte + n));
        }
        var span = _buffer.AsSpan(_lengte, n);
        _lengte += n;
        return span;
    }
}
