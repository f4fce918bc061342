namespace DuoInburgering.Web.Data.Migrations
{
    /// <summary>
    /// SQL around a migration step that changes schema <c>audit</c>, which belongs to the NOLOGIN role <c>pib_audit</c>
    /// (migration AuditLogboek): before it, the migrating role joins <c>pib_audit</c> for the moment (a superuser needs
    /// not) and acts as it; after it, it leaves again. Shared by the audit migrations since AuditGemeenteVerstrekkingen.
    /// </summary>
    internal static class AuditEigenaar
    {
        public const string AlsEigenaar = @"
do $$
begin
  if not (select rolsuper from pg_roles where rolname = current_user)
     and not pg_has_role(current_user, 'pib_audit', 'member') then
    execute format('grant pib_audit to %I', current_user);
    perform set_config('pib.audit_lidmaatschap', 'tijdelijk', true);
  end if;
end $$;
set local role pib_audit;
";

        public const string Terug = @"
reset role;
do $$
begin
  if current_setting('pib.audit_lidmaatschap', true) = 'tijdelijk' then
    execute format('revoke pib_audit from %I', current_user);
    perform set_config('pib.audit_lidmaatschap', '', true);
  end if;
end $$;
";
    }
}
