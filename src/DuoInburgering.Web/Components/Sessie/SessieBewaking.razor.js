// Renews the session cookie: traffic inside the Blazor circuit never reaches the cookie, a plain request does.
export async function verleng() {
    const antwoord = await fetch("sessie/verlengen", { credentials: "same-origin", cache: "no-store" });
    return antwoord.status;
}
