using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DuoInburgering.Web.Data.Configurations;

internal static class Tekstkolom
{
    /// <summary>
    /// A domain enum kept under its name in a column that held that name as text before the entities were
    /// typed: the conversion comes from the enum convention (AppDbContext), and this keeps the column's
    /// old type (text, or the given length) instead of the convention's varchar(40), so the schema stays as it is.
    /// </summary>
    public static PropertyBuilder<T> AlsTekst<T>(this PropertyBuilder<T> property, int? lengte = null)
    {
        property.Metadata.SetMaxLength(lengte);
        return property;
    }
}
