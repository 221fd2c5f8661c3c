/**
 * A chart drawn as a PNG image for a slide, in the page: its SVG copied with the colours and
 * fonts the page gives it inlined (those of the light theme, whatever the screen shows: a slide
 * is light), a title above and a source line below, drawn on a white canvas at twice its size.
 * The bytes go to the backend, which asks where to save them: the window never names a file.
 */

const SCALE = 2;
const TITLE_HEIGHT = 44;
const SOURCE_HEIGHT = 30;
const MARGIN = 24;
/** What each drawn element takes from the page's styles. */
const STYLE_PROPERTIES = ["fill", "stroke", "stroke-width", "font-family", "font-size", "font-weight", "opacity"] as const;
/** The page's fonts, embedded so that the image is set in Marianne like the screen. */
const FONTS = [
    { file: "Marianne-Regular.woff2", weight: 400 },
    { file: "Marianne-Bold.woff2", weight: 700 }
];

/** The elements' styles as the light theme computes them. */
function lightStyles(svg: SVGSVGElement): string[] {
    const root = document.documentElement;
    const theme = root.getAttribute("data-fr-theme");
    // Switched and restored within this task: the page is never painted in between.
    root.setAttribute("data-fr-theme", "light");
    try {
        return [svg, ...svg.querySelectorAll("*")].map(element => {
            const computed = getComputedStyle(element);
            return STYLE_PROPERTIES.map(p => `${p}:${computed.getPropertyValue(p)}`).join(";");
        });
    } finally {
        if (theme === null) root.removeAttribute("data-fr-theme");
        else root.setAttribute("data-fr-theme", theme);
    }
}

async function fontFaces(): Promise<string> {
    const faces = await Promise.all(
        FONTS.map(async ({ file, weight }) => {
            try {
                const response = await fetch(new URL(`dsfr/fonts/${file}`, document.baseURI));
                if (!response.ok) return "";
                const bytes = new Uint8Array(await response.arrayBuffer());
                return `@font-face{font-family:Marianne;font-weight:${weight};src:url(data:font/woff2;base64,${base64(bytes)}) format("woff2");}`;
            } catch {
                // Without the font, the image is set in the system's sans-serif.
                return "";
            }
        })
    );
    return faces.join("");
}

export function base64(bytes: Uint8Array): string {
    let binary = "";
    const chunk = 0x8000;
    for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
    return btoa(binary);
}

const SVG_NS = "http://www.w3.org/2000/svg";

function text(content: string, x: number, y: number, style: string): SVGTextElement {
    const element = document.createElementNS(SVG_NS, "text");
    element.setAttribute("x", String(x));
    element.setAttribute("y", String(y));
    element.setAttribute("style", style);
    element.textContent = content;
    return element;
}

/** The chart `svg` as a PNG image (base64), with `title` above it and `source` below. */
export async function chartPng(svg: SVGSVGElement, title: string, source: string): Promise<string> {
    const styles = lightStyles(svg);
    const [, , width = 0, height = 0] = (svg.getAttribute("viewBox") ?? "").split(" ").map(Number);
    const copy = svg.cloneNode(true) as SVGSVGElement;
    [copy, ...copy.querySelectorAll("*")].forEach((element, i) => element.setAttribute("style", styles[i] ?? ""));
    const [, fontFamily = "sans-serif"] = /font-family:([^;]*)/.exec(styles[0] ?? "") ?? [];
    const textStyle = `fill:#161616;font-family:${fontFamily}`;

    const fullWidth = width + 2 * MARGIN;
    const fullHeight = height + TITLE_HEIGHT + SOURCE_HEIGHT + 2 * MARGIN;
    const image = document.createElementNS(SVG_NS, "svg");
    image.setAttribute("xmlns", SVG_NS);
    image.setAttribute("viewBox", `0 0 ${fullWidth} ${fullHeight}`);
    image.setAttribute("width", String(fullWidth * SCALE));
    image.setAttribute("height", String(fullHeight * SCALE));
    const style = document.createElementNS(SVG_NS, "style");
    style.textContent = await fontFaces();
    image.appendChild(style);
    const background = document.createElementNS(SVG_NS, "rect");
    background.setAttribute("width", "100%");
    background.setAttribute("height", "100%");
    background.setAttribute("fill", "#ffffff");
    image.appendChild(background);
    image.appendChild(text(title, MARGIN, MARGIN + 22, `${textStyle};font-size:22px;font-weight:700`));
    copy.removeAttribute("id");
    copy.setAttribute("x", String(MARGIN));
    copy.setAttribute("y", String(MARGIN + TITLE_HEIGHT));
    copy.setAttribute("width", String(width));
    copy.setAttribute("height", String(height));
    image.appendChild(copy);
    image.appendChild(text(source, MARGIN, fullHeight - MARGIN, `${textStyle};font-size:13px;fill:#666666`));

    const markup = new XMLSerializer().serializeToString(image);
    const picture = new Image();
    picture.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
    await picture.decode();
    const canvas = document.createElement("canvas");
    canvas.width = fullWidth * SCALE;
    canvas.height = fullHeight * SCALE;
    const context = canvas.getContext("2d");
    if (context === null) throw new Error("no 2D canvas");
    context.drawImage(picture, 0, 0, canvas.width, canvas.height);
    const dataUrl = canvas.toDataURL("image/png");
    return dataUrl.slice(dataUrl.indexOf(",") + 1);
}
