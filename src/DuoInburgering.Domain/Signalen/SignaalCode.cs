namespace DuoInburgering.Domain.Signalen;

/// <summary>
/// Signal codes shown in the PIB (docs/domain.md "Signal catalogue"; DUO M2M Gebeurtenissen.md calls them
/// gebeurtenisId). Only the codes this system produces are listed.
/// </summary>
public enum SignaalCode
{
    SS101,
    SS102,
    SS106,
    SS107,
    SS108,
    SS110,
    SS111,
    SS120,
    SS121,
    SS122,
    SS123,
    SS124,
    SS125,
    SS126,
    SS127,
    SS128,
    SS139,
    SS190,
}
