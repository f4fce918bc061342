using System.Text.Json;
using Microsoft.Playwright;

namespace DuoInburgering.E2E.Infrastructure;

/// <summary>The element that has keyboard focus, as a keyboard user meets it.</summary>
/// <param name="Naam">aria-label, else the visible text, else the label of a form field.</param>
/// <param name="FocusZichtbaar">An outline or a box shadow marks it, or MudBlazor's focus frame of its field (WCAG 2.4.7).</param>
/// <param name="InBeeld">It has a size and lies (at least partly) in the viewport.</param>
public sealed record Focus(string Naam, string Element, bool InHoofdinhoud, bool FocusZichtbaar, bool InBeeld)
{
    public override string ToString() => $"{Element} \"{Naam}\"{(FocusZichtbaar ? "" : " (focus onzichtbaar)")}{(InBeeld ? "" : " (buiten beeld)")}";
}

/// <summary>Walking a page with Tab, the way a keyboard user does.</summary>
public static class Toetsenbord
{
    private const string ActiefElement = """
        async () => {
          // Let focus transitions (MudBlazor's field frame, the skip link) finish; never wait on endless animations.
          const overgangen = document.getAnimations().filter(a => a instanceof CSSTransition).map(a => a.finished.catch(() => {}));
          await Promise.race([Promise.all(overgangen), new Promise(r => setTimeout(r, 1000))]);
          const e = document.activeElement;
          if (!e || e === document.body || e === document.documentElement) return null;
          const ring = el => {
            const s = getComputedStyle(el);
            return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow !== '' && s.boxShadow !== 'none');
          };
          // MudBlazor text fields mark focus on the field: a 2px frame (outlined) or a full underline.
          const veld = e.closest('.mud-input');
          const veldFocus = () => {
            const kader = veld.querySelector(':scope > .mud-input-outlined-border');
            if (kader) return parseFloat(getComputedStyle(kader).borderTopWidth) >= 2;
            const streep = getComputedStyle(veld, '::after');
            return streep.content !== 'none' && streep.transform !== 'none' && !streep.transform.startsWith('matrix(0,');
          };
          const r = e.getBoundingClientRect();
          const label = e.labels && e.labels.length > 0 ? e.labels[0].textContent : '';
          const naam = (e.getAttribute('aria-label') || label || e.textContent || e.getAttribute('title') || '').trim().replace(/\s+/g, ' ');
          return {
            naam,
            element: e.tagName.toLowerCase(),
            inHoofdinhoud: e.closest('main') !== null,
            focusZichtbaar: ring(e) || (veld !== null && veldFocus()),
            inBeeld: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < window.innerHeight && r.left < window.innerWidth,
          };
        }
        """;

    /// <summary>What has focus now; null when nothing (the body) has.</summary>
    public static async Task<Focus?> FocusAsync(this IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement?>(ActiefElement);
        if (json is not { ValueKind: JsonValueKind.Object } e)
        {
            return null;
        }
        return new Focus(e.GetProperty("naam").GetString() ?? "", e.GetProperty("element").GetString() ?? "",
            e.GetProperty("inHoofdinhoud").GetBoolean(), e.GetProperty("focusZichtbaar").GetBoolean(), e.GetProperty("inBeeld").GetBoolean());
    }

    /// <summary>
    /// Presses Tab from the top of the page until focus leaves the page or comes back to where it began,
    /// and returns every element it stopped at, in order.
    /// </summary>
    public static async Task<IReadOnlyList<Focus>> TabRondeAsync(this IPage page, int maximum = 80)
    {
        await page.BeginBovenaanAsync();
        var ronde = new List<Focus>();
        for (var i = 0; i < maximum; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.FocusAsync();
            if (focus is null || (ronde.Count > 0 && focus == ronde[0]))
            {
                break;
            }
            ronde.Add(focus);
        }
        return ronde;
    }

    /// <summary>
    /// Makes the next Tab start at the top of the document. A page load focuses the h1 (Blazor's
    /// FocusOnNavigate), so Tab would otherwise begin in the middle of the page. Focusing and removing a
    /// first element moves the browser's sequential focus navigation starting point to the top.
    /// </summary>
    public static Task BeginBovenaanAsync(this IPage page) =>
        page.EvaluateAsync("""
            () => {
              const anker = document.createElement('span');
              anker.tabIndex = -1;
              document.body.prepend(anker);
              anker.focus();
              anker.remove();
            }
            """);

    /// <summary>Presses Tab until the element with this name has focus; fails when it is never reached.</summary>
    public static async Task<Focus> TabNaarAsync(this IPage page, string naam, int maximum = 80)
    {
        var onderweg = new List<Focus>();
        for (var i = 0; i < maximum; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.FocusAsync();
            if (focus is not null && focus.Naam == naam)
            {
                return focus;
            }
            if (focus is not null)
            {
                onderweg.Add(focus);
            }
        }
        Assert.Fail($"\"{naam}\" kreeg geen focus na {maximum} keer Tab. Onderweg: {string.Join(", ", onderweg)}");
        return null!;
    }

    /// <summary>The visible links, buttons and fields a keyboard user must be able to reach.</summary>
    public static Task<int> AantalBedienbaarAsync(this IPage page) =>
        page.EvaluateAsync<int>("""
            () => [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')]
              .filter(e => !e.disabled && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden').length
            """);
}
