namespace DuoInburgering.Domain.Synthetisch;

/// <summary>
/// Builds one CSV line in a reused char buffer and writes it in one call: no string per field,
/// so a million persons stream without garbage. Fields are comma separated, the line ends in '\n'.
/// </summary>
internal sealed class RegelBuffer
{
    private char[] _buf = new char[512];
    private int _len;
    private bool _eersteVeld = true;

    private void Ruimte(int extra)
    {
        if (_len + extra > _buf.Length)
        {
            Array.Resize(ref _buf, Math.Max(_buf.Length * 2, _len + extra));
        }
    }

    private void Scheiding()
    {
        if (_eersteVeld)
        {
            _eersteVeld = false;
            return;
        }

        Ruimte(1);
        _buf[_len++] = ',';
    }

    /// <summary>A text field; quoted with " only when it contains a comma or quote (or a line break).</summary>
    public RegelBuffer Tekst(string? waarde)
    {
        Scheiding();
        if (string.IsNullOrEmpty(waarde))
        {
            return this;
        }

        if (waarde.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            Ruimte(waarde.Length);
            waarde.CopyTo(0, _buf, _len, waarde.Length);
            _len += waarde.Length;
            return this;
        }

        Ruimte((waarde.Length * 2) + 2);
        _buf[_len++] = '"';
        foreach (char c in waarde)
        {
            if (c == '"')
            {
                _buf[_len++] = '"';
            }

            _buf[_len++] = c;
        }

        _buf[_len++] = '"';
        return this;
    }

    /// <summary>Two texts joined by one space ("Voornaam Achternaam"), quoted as one field when needed.</summary>
    public RegelBuffer Naam(string voornaam, string achternaam)
    {
        if (voornaam.AsSpan().IndexOfAny(",\"\r\n") >= 0 || achternaam.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            return Tekst(string.Concat(voornaam, " ", achternaam));
        }

        Scheiding();
        Ruimte(voornaam.Length + 1 + achternaam.Length);
        voornaam.CopyTo(0, _buf, _len, voornaam.Length);
        _len += voornaam.Length;
        _buf[_len++] = ' ';
        achternaam.CopyTo(0, _buf, _len, achternaam.Length);
        _len += achternaam.Length;
        return this;
    }

    /// <summary>A non-negative number, left-padded with zeros to <paramref name="breedte"/> digits.</summary>
    public RegelBuffer Getal(long waarde, int breedte = 1)
    {
        Scheiding();
        Cijfers(waarde, breedte);
        return this;
    }

    /// <summary>Prefix followed by a zero-padded number, e.g. IND-000000001.</summary>
    public RegelBuffer Id(string prefix, long nummer)
    {
        Scheiding();
        Ruimte(prefix.Length);
        prefix.CopyTo(0, _buf, _len, prefix.Length);
        _len += prefix.Length;
        Cijfers(nummer, 9);
        return this;
    }

    /// <summary>ISO yyyy-MM-dd; null → empty field (unknown).</summary>
    public RegelBuffer Datum(DateOnly? datum)
    {
        Scheiding();
        if (datum is DateOnly d)
        {
            Ruimte(10);
            d.Deconstruct(out int jaar, out int maand, out int dag);
            Cijfers(jaar, 4);
            _buf[_len++] = '-';
            Cijfers(maand, 2);
            _buf[_len++] = '-';
            Cijfers(dag, 2);
        }

        return this;
    }

    public RegelBuffer Bool(bool waarde) => Tekst(waarde ? "true" : "false");

    /// <summary>Ends the line with '\n', writes it and resets the buffer.</summary>
    public void Schrijf(TextWriter writer)
    {
        Ruimte(1);
        _buf[_len++] = '\n';
        writer.Write(_buf, 0, _len);
        _len = 0;
        _eersteVeld = true;
    }

    private void Cijfers(long waarde, int breedte)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(waarde);
        int n = 1;
        for (long t = waarde / 10; t > 0; t /= 10)
        {
            n++;
        }

        int lengte = Math.Max(n, breedte);
        Ruimte(lengte);
        int eind = _len + lengte;
        for (int i = eind - 1; i >= _len; i--)
        {
            _buf[i] = (char)('0' + (waarde % 10));
            waarde /= 10;
        }

        _len = eind;
    }
}
