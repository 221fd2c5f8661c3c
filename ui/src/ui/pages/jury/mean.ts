/** A mean of the ranking as the core rounded it (hundredths, half up), with two decimals in the language's way: `15,67` / `15.67`. */
import type { JuryMean, Locale } from "../../../core/bindings";

const formats = new Map<Locale, Intl.NumberFormat>();

export function formatMean(mean: JuryMean, locale: Locale): string {
    let format = formats.get(locale);
    if (!format) {
        format = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        formats.set(locale, format);
    }
    return format.format(mean.hundredths / 100);
}
