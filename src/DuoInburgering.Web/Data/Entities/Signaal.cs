using DuoInburgering.Domain.Regimes;
using DuoInburgering.Domain.Signalen;

namespace DuoInburgering.Web.Data.Entities;

/// <summary>A signal shown to one municipality in one PIB environment (regime).</summary>
public sealed class SignaalRecord
{
    public long Id { get; init; }
    public required string Bsn { get; init; }
    public required SignaalCode Code { get; init; }
    public required string GemeenteCode { get; init; }
    public required Regime Regime { get; init; }
    /// <summary>
    /// The person's doelgroep when the signal was made: what the municipality received with it, so the
    /// list can filter on it without reading persons. Null for SS190, which carries the BSN only.
    /// </summary>
    public Doelgroep? Doelgroep { get; init; }
    public DateOnly Datum { get; init; }
    public required string Toelichting { get; init; }
    public DateTimeOffset AangemaaktOp { get; init; }
    public DateTimeOffset? AfgehandeldOp { get; set; }
    public string? AfgehandeldDoor { get; set; }

    /// <summary>Withdrawn from every view by a correction; kept for the audit.</summary>
    public DateTimeOffset? IngetrokkenOp { get; set; }
}
