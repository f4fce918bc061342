namespace DuoInburgering.Web.Downloads;

/// <summary>
/// Collects what a writer writes (synchronously or not) and passes it on only in <see cref="LegenAsync"/>.
/// ZipArchive (inside SpreadCheetah too) still writes some headers synchronously, which Kestrel refuses; behind this stream it never
/// touches the response itself, and the download stays streamed because the caller empties it every block.
/// </summary>
internal sealed class AsyncUitvoerStroom(Stream doel) : Stream
{
    private readonly MemoryStream _buffer = new();

    /// <summary>Bytes written but not yet passed on.</summary>
    public long Gebufferd => _buffer.Length;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => _buffer.Write(buffer, offset, count);
    public override void Write(ReadOnlySpan<byte> buffer) => _buffer.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        _buffer.Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _buffer.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <summary>A synchronous flush passes nothing on: that is <see cref="LegenAsync"/>'s job.</summary>
    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => LegenAsync(cancellationToken);

    public async Task LegenAsync(CancellationToken ct)
    {
        if (_buffer.Length > 0)
        {
            await doel.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), ct);
            _buffer.SetLength(0);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
