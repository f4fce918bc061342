using System.Buffers;
using System.Text;

namespace DuoInburgering.Web.Downloads;

/// <summary>
/// Collects text and writes it as UTF-8 to a stream in blocks of about 32 KB, always asynchronously:
/// Kestrel refuses synchronous writes, and a block at a time keeps a download's memory flat.
/// </summary>
internal sealed class TekstUitvoer(Stream uit)
{
    public const int Blok = 32 * 1024;
    private readonly StringBuilder _buffer = new(Blok + 1024);

    public StringBuilder Buffer => _buffer;

    public ValueTask MisschienLegenAsync(CancellationToken ct) =>
        _buffer.Length >= Blok ? new ValueTask(LegenAsync(ct)) : ValueTask.CompletedTask;

    public async Task LegenAsync(CancellationToken ct)
    {
        if (_buffer.Length == 0)
        {
            return;
        }
        var tekst = _buffer.ToString();
        _buffer.Clear();
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(tekst.Length));
        try
        {
            var n = Encoding.UTF8.GetBytes(tekst, bytes);
            await uit.WriteAsync(bytes.AsMemory(0, n), ct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
