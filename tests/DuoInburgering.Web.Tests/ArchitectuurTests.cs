using System.Reflection;
using DuoInburgering.Domain.Identiteit;
using NetArchTest.Rules;

namespace DuoInburgering.Web.Tests;

/// <summary>
/// The rooms of docs/architecture.md, checked on the compiled IL (NetArchTest reads every type's fields,
/// signatures, method bodies and attributes, razor components included): a feature uses shelves and the
/// domain, never another feature; a shelf uses no feature; the domain uses nothing but the BCL.
/// </summary>
public sealed class ArchitectuurTests
{
    private const string Features = "DuoInburgering.Web.Features.";

    /// <summary>The shared rooms beside Features/.</summary>
    private static readonly string[] PlankNamen = ["Data", "Security", "Verwerking", "Audit", "Downloads", "Components", "Infrastructure"];

    public static TheoryData<string> Planken() => [.. PlankNamen];

    private static readonly Assembly Web = typeof(Program).Assembly;

    private static IReadOnlyList<string> FeatureNamespaces() =>
    [
        .. Web.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(n => n.StartsWith(Features, StringComparison.Ordinal))
            .Select(n => Features + n[Features.Length..].Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];

    public static TheoryData<string> Featurelijst() => [.. FeatureNamespaces().Select(n => n[Features.Length..])];

    [Theory]
    [MemberData(nameof(Featurelijst))]
    public void Een_feature_gebruikt_geen_andere_feature(string feature)
    {
        var eigen = Features + feature;
        // NetArchTest matches namespaces by prefix: the guard below keeps one feature's name from starting another's.
        var anderen = FeatureNamespaces().Where(n => n != eigen).ToArray();

        var uitslag = Types.InAssembly(Web).That().ResideInNamespace(eigen)
            .ShouldNot().HaveDependencyOnAny(anderen).GetResult();

        Assert.True(uitslag.IsSuccessful,
            $"Features.{feature} gebruikt een andere feature in: {string.Join(", ", uitslag.FailingTypeNames ?? [])}");
    }

    [Theory]
    [MemberData(nameof(Planken))]
    public void Een_plank_gebruikt_geen_feature(string plank)
    {
        var uitslag = Types.InAssembly(Web).That().ResideInNamespace("DuoInburgering.Web." + plank)
            .ShouldNot().HaveDependencyOn(Features.TrimEnd('.')).GetResult();

        Assert.True(uitslag.IsSuccessful,
            $"{plank} gebruikt een feature in: {string.Join(", ", uitslag.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Er_zijn_features_en_planken_om_te_controleren()
    {
        // Guards the two theories above against passing over an empty set after a rename.
        Assert.Contains("Signalen", FeatureNamespaces().Select(n => n[Features.Length..]));
        Assert.True(FeatureNamespaces().Count >= 10);
        foreach (var feature in FeatureNamespaces())
        {
            Assert.DoesNotContain(FeatureNamespaces(), n => n != feature && n.StartsWith(feature, StringComparison.Ordinal));
        }
        foreach (var plank in PlankNamen)
        {
            Assert.Contains(Web.GetTypes(), t => t.Namespace?.StartsWith("DuoInburgering.Web." + plank, StringComparison.Ordinal) == true);
        }
    }

    [Fact]
    public void Het_domein_gebruikt_alleen_de_BCL()
    {
        var domein = typeof(Bsn).Assembly;

        // Every type it uses lives in an assembly it references: the BCL's only, so no EF Core, ASP.NET or package.
        var verwijzingen = domein.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("System.Runtime", verwijzingen);
        Assert.All(verwijzingen, naam => Assert.True(naam is "netstandard" || naam.StartsWith("System", StringComparison.Ordinal),
            $"Het domein verwijst naar {naam}"));
    }
}
