// The shelves every test folder reaches for: the audit writer, the processing engine and its fact intake, downloads.
global using DuoInburgering.Web.Audit;
global using DuoInburgering.Web.Downloads;
global using DuoInburgering.Web.Tests.Audit;
global using DuoInburgering.Web.Verwerking;
global using DuoInburgering.Web.Verwerking.Feiten;
