import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import PDFDocument from 'pdfkit';
import { ReportRenderer, type ReportTable } from '../../application/exports/report-source.js';
import { EXPORT_PAGE_SIZE } from '../../application/exports/export-producer.js';

const PDF_TABLE_ROWS = 30;

/**
 * CSV through csv-stringify, streamed page by page with backpressure (memory stays at one page);
 * PDF through pdfkit, with the chart drawn as vectors by pdfkit itself (no canvas, no extra package).
 */
@Injectable()
export class FileReportRenderer extends ReportRenderer {
  async csv(path: string, table: ReportTable): Promise<number> {
    const file = createWriteStream(path);
    const csv = stringify({ header: true, columns: table.columns });
    csv.pipe(file);
    for await (const page of table.pages(EXPORT_PAGE_SIZE)) {
      for (const row of page) {
        if (!csv.write(row)) await once(csv, 'drain');
      }
    }
    csv.end();
    await finished(file);
    return (await stat(path)).size;
  }

  async pdf(
    path: string,
    input: { title: string; subtitle: string; table: ReportTable; chart: Array<{ label: string; value: number }> },
  ): Promise<number> {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 50,
      info: { Title: input.title, Producer: 'Showrunner insights' },
    });
    const file = createWriteStream(path);
    doc.pipe(file);
    doc.font('Helvetica-Bold').fontSize(20).fillColor('#111111').text(input.title);
    doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor('#555555').text(input.subtitle);
    doc.moveDown(1);
    this.chart(doc, input.chart);
    doc.moveDown(1);
    const rows: Array<Array<string | number>> = [];
    let more = false;
    for await (const page of input.table.pages(PDF_TABLE_ROWS + 1)) {
      rows.push(...page);
      if (rows.length > PDF_TABLE_ROWS) {
        more = true;
        break;
      }
    }
    this.table(doc, input.table.columns, rows.slice(0, PDF_TABLE_ROWS));
    if (more)
      doc
        .moveDown(0.5)
        .font('Helvetica-Oblique')
        .fontSize(8)
        .fillColor('#555555')
        .text('More rows in the CSV export of the same report.', 50);
    doc.end();
    await finished(file);
    return (await stat(path)).size;
  }

  /** Daily views as a bar chart with a labelled value axis. */
  private chart(doc: PDFKit.PDFDocument, points: Array<{ label: string; value: number }>): void {
    const left = 80;
    const top = doc.y + 24;
    const width = 440;
    const height = 180;
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .fillColor('#111111')
      .text('Views per day', 50, top - 14, { width: 300, lineBreak: false });
    const max = Math.max(1, ...points.map((point) => point.value));
    doc.lineWidth(0.5).strokeColor('#999999');
    for (let i = 0; i <= 4; i += 1) {
      const y = top + height - (height * i) / 4;
      doc
        .moveTo(left, y)
        .lineTo(left + width, y)
        .stroke();
      doc
        .font('Helvetica')
        .fontSize(7)
        .fillColor('#555555')
        .text(String(Math.round(((max * i) / 4) * 10) / 10), 40, y - 3, { width: 35, align: 'right' });
    }
    const slot = width / Math.max(1, points.length);
    points.forEach((point, i) => {
      const barHeight = (height * point.value) / max;
      doc
        .rect(left + i * slot + slot * 0.15, top + height - barHeight, Math.max(1, slot * 0.7), barHeight)
        .fill('#2563eb');
    });
    if (points.length) {
      doc.font('Helvetica').fontSize(7).fillColor('#555555');
      doc.text(points[0].label, left, top + height + 4);
      doc.text(points[points.length - 1].label, left + width - 60, top + height + 4, { width: 60, align: 'right' });
    } else {
      doc
        .font('Helvetica-Oblique')
        .fontSize(9)
        .fillColor('#555555')
        .text('No views in this range', left + 10, top + height / 2);
    }
    doc.x = 50;
    doc.y = top + height + 20;
  }

  private table(doc: PDFKit.PDFDocument, columns: string[], rows: Array<Array<string | number>>): void {
    const left = 50;
    const width = 495;
    const columnWidth = width / columns.length;
    let y = doc.y;
    const line = (cells: Array<string | number>, bold: boolean) => {
      if (y > 770) {
        doc.addPage();
        y = 50;
      }
      doc
        .font(bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(7)
        .fillColor('#111111');
      cells.forEach((cell, i) =>
        doc.text(String(cell), left + i * columnWidth, y, { width: columnWidth - 4, lineBreak: false, ellipsis: true }),
      );
      y += 12;
      doc
        .moveTo(left, y - 2)
        .lineTo(left + width, y - 2)
        .lineWidth(0.3)
        .strokeColor('#dddddd')
        .stroke();
    };
    line(columns, true);
    for (const row of rows) line(row, false);
    if (!rows.length) line(['(no data in this range)'], false);
    doc.x = left;
    doc.y = y + 4;
  }
}
