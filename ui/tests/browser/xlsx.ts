/**
 * Typing into a workbook the app exported, as the institution would in its spreadsheet: the
 * `.xlsx` archive is opened (a zip of XML parts), cells of the first sheet get a value in the style
 * they had, and the archive is written again (entries stored, not compressed). Only what the tests
 * need; the Rust tests do the same in `crates/opendata/tests/support/xlsx_cells.rs`.
 */
import { crc32, inflateRawSync } from "node:zlib";

type Part = { name: string; data: Buffer };

/** The archive's parts, read through its central directory. */
function unzip(archive: Buffer): Part[] {
    let end = archive.length - 22;
    while (end >= 0 && archive.readUInt32LE(end) !== 0x06054b50) end--;
    if (end < 0) throw new Error("not a zip archive");
    const count = archive.readUInt16LE(end + 10);
    let at = archive.readUInt32LE(end + 16);
    const parts: Part[] = [];
    for (let i = 0; i < count; i++) {
        const method = archive.readUInt16LE(at + 10);
        const size = archive.readUInt32LE(at + 20);
        const nameLength = archive.readUInt16LE(at + 28);
        const extraLength = archive.readUInt16LE(at + 30);
        const commentLength = archive.readUInt16LE(at + 32);
        const local = archive.readUInt32LE(at + 42);
        const name = archive.toString("utf8", at + 46, at + 46 + nameLength);
        const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
        const raw = archive.subarray(start, start + size);
        parts.push({ name, data: method === 0 ? Buffer.from(raw) : inflateRawSync(raw) });
        at += 46 + nameLength + extraLength + commentLength;
    }
    return parts;
}

/** The parts as an archive, each stored. */
function zip(parts: Part[]): Buffer {
    const locals: Buffer[] = [];
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const { name, data } of parts) {
        const nameBytes = Buffer.from(name, "utf8");
        const crc = crc32(data);
        const local = Buffer.alloc(30);
        local.writeUInt32LE(0x04034b50, 0);
        local.writeUInt16LE(20, 4);
        local.writeUInt16LE(0x0800, 6);
        local.writeUInt32LE(crc, 14);
        local.writeUInt32LE(data.length, 18);
        local.writeUInt32LE(data.length, 22);
        local.writeUInt16LE(nameBytes.length, 26);
        locals.push(local, nameBytes, data);
        const central = Buffer.alloc(46);
        central.writeUInt32LE(0x02014b50, 0);
        central.writeUInt16LE(20, 4);
        central.writeUInt16LE(20, 6);
        central.writeUInt16LE(0x0800, 8);
        central.writeUInt32LE(crc, 16);
        central.writeUInt32LE(data.length, 20);
        central.writeUInt32LE(data.length, 24);
        central.writeUInt16LE(nameBytes.length, 28);
        central.writeUInt32LE(offset, 42);
        centrals.push(central, nameBytes);
        offset += 30 + nameBytes.length + data.length;
    }
    const directory = Buffer.concat(centrals);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(parts.length, 8);
    end.writeUInt16LE(parts.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, directory, end]);
}

/** What is typed in a cell: text, or a date (stored as a spreadsheet stores it in a date cell). */
export type Typed = string | { date: Date };

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Days since 1899-12-30, the spreadsheet's count for a date. */
const serial = (date: Date) =>
    Math.round((Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) - Date.UTC(1899, 11, 30)) / 86_400_000);

/** The sheet's XML with the cell `reference` (`H3`) holding `typed`, in its style. */
function setCell(xml: string, reference: string, typed: Typed): string {
    const start = xml.indexOf(`<c r="${reference}"`);
    if (start < 0) throw new Error(`no cell ${reference}`);
    const tagEnd = xml.indexOf(">", start);
    const end = xml[tagEnd - 1] === "/" ? tagEnd + 1 : xml.indexOf("</c>", tagEnd) + "</c>".length;
    const style = /\ss="(\d+)"/.exec(xml.slice(start, tagEnd))?.[1];
    const s = style === undefined ? "" : ` s="${style}"`;
    const cell =
        typeof typed === "string"
            ? `<c r="${reference}"${s} t="inlineStr"><is><t xml:space="preserve">${escape(typed)}</t></is></c>`
            : `<c r="${reference}"${s}><v>${serial(typed.date)}</v></c>`;
    return xml.slice(0, start) + cell + xml.slice(end);
}

/** The workbook with cells of its first sheet (the progress sheet) typed in. */
export function fillWorkbook(workbook: Buffer, cells: Record<string, Typed>): Buffer {
    const parts = unzip(workbook);
    const sheet = parts.find(p => p.name === "xl/worksheets/sheet1.xml");
    if (sheet === undefined) throw new Error("no first sheet");
    let xml = sheet.data.toString("utf8");
    for (const [reference, typed] of Object.entries(cells)) xml = setCell(xml, reference, typed);
    sheet.data = Buffer.from(xml, "utf8");
    return zip(parts);
}
