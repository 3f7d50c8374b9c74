import { parseCaptionFile } from './captions.js';
import { InvalidCaptionError } from './video.errors.js';

describe('caption files', () => {
  it('accepts WebVTT as it is, with cue ids, settings and notes', () => {
    const vtt =
      'WEBVTT - kitchen\n\nNOTE a comment\n\nintro\n00:00.000 --> 00:01.500 align:start\nHello\n\n00:00:01.500 --> 00:00:03.000\nWorld\n';
    expect(parseCaptionFile(vtt, 'en')).toMatchObject({
      language: 'en',
      label: 'en',
      sourceFormat: 'vtt',
      cues: 2,
      content: vtt.trim() + '\n',
    });
  });

  it('converts SubRip (CRLF, BOM) to WebVTT', () => {
    const srt =
      '\uFEFF1\r\n00:00:00,000 --> 00:00:01,500\r\nHello\r\n\r\n2\r\n00:00:01,500 --> 00:00:03,000\r\nWorld\r\n';
    const caption = parseCaptionFile(srt, 'fr', 'Français');
    expect(caption).toMatchObject({ sourceFormat: 'srt', cues: 2, label: 'Français' });
    expect(caption.content).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nHello\n\n00:00:01.500 --> 00:00:03.000\nWorld\n',
    );
  });

  it.each([
    ['an empty file', '   \n'],
    ['plain text', 'just some words\nand more'],
    ['binary data', 'WEBVTT\n\n\u0000\u0001\u0002'],
    ['a header without cues', 'WEBVTT\n'],
    ['a malformed timing', 'WEBVTT\n\n00:00.000 -> 00:01.000\nHi'],
    ['a cue ending before it starts', 'WEBVTT\n\n00:02.000 --> 00:01.000\nHi'],
    ['an SRT cue with dots', '1\n00:00:00.000 --> 00:00:01.000\nHi'],
    ['an SRT cue without its number', '1\n00:00:00,000 --> 00:00:01,000\nHi\n\nxx\n00:00:01,000 --> 00:00:02,000\nHo'],
    ['a huge file', `WEBVTT\n\n${'00:00.000 --> 00:01.000\nHi\n\n'.repeat(30_000)}`],
  ])('refuses %s with studio.caption.invalid', (_name, text) => {
    expect(() => parseCaptionFile(text, 'en')).toThrow(InvalidCaptionError);
  });
});
