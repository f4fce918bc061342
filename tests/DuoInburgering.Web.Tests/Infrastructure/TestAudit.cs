using DuoInburgering.Web.Features.Audit;
using DuoInburgering.Web.Audit;

namespace DuoInburgering.Web.Tests.Infrastructure;

/// <summary>The audit log as the test host has it: the demo key, so a search in a test finds what the test wrote.</summary>
public static class TestAudit
{
    public static Auditlog Log(TimeProvider? klok = null) => new(AuditOpties.Demo, klok ?? TimeProvider.System);
}
