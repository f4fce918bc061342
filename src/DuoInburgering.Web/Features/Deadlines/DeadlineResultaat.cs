using DuoInburgering.Domain.Signalen;

namespace DuoInburgering.Web.Features.Deadlines;

/// <summary>What one deadline run did: counts only, never a BSN, so it can go to the log as is.</summary>
/// <param name="Gecontroleerd">Candidates checked (running obligation, a flag still open, possibly due).</param>
public readonly record struct DeadlineResultaat(int Gecontroleerd, int Ss126, int Ss127, int Ss128)
{
    public int Signalen => Ss126 + Ss127 + Ss128;

    public DeadlineResultaat Plus(IEnumerable<Signaal> signalen)
    {
        var r = this;
        foreach (var s in signalen)
        {
            r = s.Code switch
            {
                SignaalCode.SS126 => r with { Ss126 = r.Ss126 + 1 },
                SignaalCode.SS127 => r with { Ss127 = r.Ss127 + 1 },
                SignaalCode.SS128 => r with { Ss128 = r.Ss128 + 1 },
                _ => r,
            };
        }
        return r;
    }
}
