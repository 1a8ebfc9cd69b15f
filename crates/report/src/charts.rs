//! Charts, each written as `.svg` (for the page and for print) and `.png` (for slides and
//! chat), drawn with plotters in the bundled DejaVu Sans so that a PNG looks the same on every
//! machine.
//!
//! Layouts are computed here rather than left to an axis library, because what a reader needs
//! are the words themselves: a term's label always sits beside its bar, in full up to 48
//! characters, and the charts grow with the number of terms and groups instead of squeezing
//! them.

use crate::error::ReportError;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use slant_metrics::quotes::lexicon::UNCLASSIFIED;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub(crate) const REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
pub(crate) const BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");

const INK: RGBColor = RGBColor(33, 33, 33);
const MUTED: RGBColor = RGBColor(100, 100, 100);
const RULE: RGBColor = RGBColor(190, 190, 190);
const MORE: RGBColor = RGBColor(37, 99, 170);
const MORE_PALE: RGBColor = RGBColor(178, 203, 234);
const LESS: RGBColor = RGBColor(196, 90, 30);
const LESS_PALE: RGBColor = RGBColor(242, 200, 172);

/// What a chart shows, for the page: the section it belongs to and how to read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawn {
    /// File name without extension, in `charts/`.
    pub stem: String,
    /// The section of the page.
    pub topic: Topic,
    /// One line telling a reader how to read it.
    pub guide: String,
}

impl Drawn {
    /// A chart of `topic` written as `charts/<stem>.svg|png`.
    pub fn new(stem: impl Into<String>, topic: Topic, guide: impl Into<String>) -> Self {
        Drawn {
            stem: stem.into(),
            topic,
            guide: guide.into(),
        }
    }
}

/// The sections of the page, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Topic {
    /// Sample sizes.
    Sample,
    /// Distinctive terms.
    Terms,
    /// Quotes and speakers.
    Quotes,
    /// Loaded language.
    Loaded,
}

/// The longest label drawn in full; longer ones end in "…".
const MAX_LABEL: usize = 48;

/// One bar: a label, a signed value, and whether it is drawn pale (weaker evidence).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The label beside the bar.
    pub label: String,
    /// The value; its sign gives the side.
    pub value: f64,
    /// Drawn pale, with the reason given in a footnote.
    pub pale: bool,
}

/// A diverging bar chart: bars to the right under one heading, bars to the left under another.
#[derive(Debug, Clone, PartialEq)]
pub struct Diverging {
    /// Bold first line.
    pub title: String,
    /// Second line: what is compared, and the sample sizes.
    pub subtitle: String,
    /// Heading above the positive bars.
    pub more_heading: String,
    /// Heading above the negative bars.
    pub less_heading: String,
    /// Positive bars, top first.
    pub more: Vec<Bar>,
    /// Negative bars, top first.
    pub less: Vec<Bar>,
    /// Dashed guides at ± this value (for example 1.96).
    pub guide: Option<f64>,
    /// Lines under the chart.
    pub footnotes: Vec<String>,
}

/// Small multiples: one panel of positive bars per group, on a common scale.
#[derive(Debug, Clone, PartialEq)]
pub struct SmallMultiples {
    /// Bold first line.
    pub title: String,
    /// Second line.
    pub subtitle: String,
    /// The panels, in reading order.
    pub panels: Vec<Panel>,
    /// Lines under the chart.
    pub footnotes: Vec<String>,
}

/// One panel of [`SmallMultiples`].
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    /// The group.
    pub title: String,
    /// Its sample size.
    pub subtitle: String,
    /// Its bars, top first.
    pub bars: Vec<Bar>,
}

/// A file-name-safe form of a group name: lower-case ASCII letters and digits joined by `-`.
///
/// ```
/// use slant_report::charts::slug;
/// assert_eq!(slug("Azerbaijan.US"), "azerbaijan-us");
/// assert_eq!(slug("Today.az / Politics"), "today-az-politics");
/// assert_eq!(slug("Ъ"), "group");
/// ```
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "group".to_string()
    } else {
        out.to_string()
    }
}

/// Unique slugs for a list of names, in order ("a", "a-2", ...).
pub fn unique_slugs<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    names
        .into_iter()
        .map(|n| {
            let base = slug(n);
            let mut s = base.clone();
            let mut i = 2;
            while !seen.insert(s.clone()) {
                s = format!("{base}-{i}");
                i += 1;
            }
            s
        })
        .collect()
}

/// Registers the bundled fonts with plotters (once).
pub(crate) fn register_fonts() -> Result<(), ReportError> {
    static DONE: OnceLock<bool> = OnceLock::new();
    let ok = *DONE.get_or_init(|| {
        plotters::style::register_font("sans-serif", FontStyle::Normal, REGULAR).is_ok()
            && plotters::style::register_font("sans-serif", FontStyle::Bold, BOLD).is_ok()
    });
    if ok {
        Ok(())
    } else {
        Err(ReportError::Chart {
            path: PathBuf::from("DejaVuSans.ttf"),
            message: "the bundled font could not be loaded".into(),
        })
    }
}

/// Draws in layout units on an area whose pixels may be `k` times finer: the PNG is drawn at
/// twice the SVG's size, which keeps small text crisp and its glyphs on one baseline.
///
/// A PNG is drawn in bands of rows ([`BAND`]), each on an area that holds only that band and a
/// [`MARGIN`]: the pen shifts everything up by the area's first row, and leaves out text and
/// shapes that fall wholly outside it (the bitmap clips the rest), so a tall chart never holds
/// all its pixels.
struct Pen<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    k: i32,
    /// Whether the area is pixels, whose text [`crate::glyphs`] draws from rasterised glyphs.
    pixels: bool,
    /// The chart's first row on this area, and how many rows the area has.
    band: (i32, i32),
}

impl<DB: DrawingBackend> Pen<'_, DB> {
    fn text(
        &self,
        s: &str,
        size: f64,
        color: RGBColor,
        h: HPos,
        bold: bool,
        (x, y): (i32, i32),
    ) -> Result<(), String> {
        let (size, at) = (size * f64::from(self.k), self.at((x, y)));
        // Glyphs reach at most twice their size from the line's middle.
        if self.outside(at.1, at.1, 2 * size.ceil() as i32) {
            return Ok(());
        }
        if self.pixels {
            return crate::glyphs::draw_text(self.area, s, size, color, h, bold, at);
        }
        let style = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let font = FontDesc::new(FontFamily::SansSerif, size, style)
            .color(&color)
            .pos(Pos::new(h, VPos::Center));
        self.area.draw_text(s, &font, at).map_err(|e| e.to_string())
    }

    fn rect(
        &self,
        (x0, y0): (i32, i32),
        (x1, y1): (i32, i32),
        color: RGBColor,
    ) -> Result<(), String> {
        let (a, b) = (self.at((x0, y0)), self.at((x1, y1)));
        if self.outside(a.1, b.1, 0) {
            return Ok(());
        }
        self.area
            .draw(&Rectangle::new([a, b], color.filled()))
            .map_err(|e| e.to_string())
    }

    fn line(
        &self,
        from: (i32, i32),
        to: (i32, i32),
        color: RGBColor,
        dashed: bool,
    ) -> Result<(), String> {
        let k = self.k;
        let style = color.stroke_width(k as u32);
        let (a, b) = (self.at(from), self.at(to));
        if !dashed {
            if self.outside(a.1, b.1, k) {
                return Ok(());
            }
            return self
                .area
                .draw(&PathElement::new(vec![a, b], style))
                .map_err(|e| e.to_string());
        }
        // Dashes of 4 units and gaps of 4 from `from`, as plotters' `DashedPathElement` lays
        // them out, but measured on the whole chart: that element starts its dashes where the
        // area cuts the line, which would shift them from band to band.
        let (x0, y0) = (from.0 * k, from.1 * k);
        let (dx, dy) = ((b.0 - a.0) as f32, (b.1 - a.1) as f32);
        let length = dx.hypot(dy);
        // Rounded on the whole chart, then moved onto the band.
        let point = |t: f32| {
            let f = t / length;
            (
                (x0 as f32 + dx * f).round() as i32,
                (y0 as f32 + dy * f).round() as i32 - self.band.0,
            )
        };
        let dash = (4 * k) as f32;
        let mut t = 0.0;
        while t < length {
            let end = (t + dash).min(length);
            let (p, q) = (point(t), point(end));
            if !self.outside(p.1, q.1, k) {
                self.area
                    .draw(&PathElement::new(vec![p, q], style))
                    .map_err(|e| e.to_string())?;
            }
            t = end + dash;
        }
        Ok(())
    }

    /// A point in layout units, on this area.
    fn at(&self, (x, y): (i32, i32)) -> (i32, i32) {
        (x * self.k, y * self.k - self.band.0)
    }

    /// Whether a shape between rows `a` and `b` of this area, `margin` rows thick beyond
    /// them, misses it.
    fn outside(&self, a: i32, b: i32, margin: i32) -> bool {
        a.max(b) + margin < 0 || a.min(b) - margin > self.band.1
    }

    fn fill(&self) -> Result<(), String> {
        // A pixel band starts white ([`png_in_bands`]), which plotters would fill pixel by
        // pixel.
        if self.pixels {
            return Ok(());
        }
        self.area.fill(&WHITE).map_err(|e| e.to_string())
    }

    /// Title and subtitle at the top of a chart.
    fn heading(&self, title: &str, subtitle: &str) -> Result<(), String> {
        self.text(title, 20.0, INK, HPos::Left, true, (20, 24))?;
        self.text(subtitle, 13.0, MUTED, HPos::Left, false, (20, 52))
    }

    /// Footnotes from `y` down.
    fn footnotes(&self, lines: &[String], mut y: i32) -> Result<(), String> {
        for line in lines {
            self.text(line, 11.0, MUTED, HPos::Left, false, (20, y + 9))?;
            y += 18;
        }
        Ok(())
    }
}

fn shorten(label: &str) -> String {
    if label.chars().count() <= MAX_LABEL {
        label.to_string()
    } else {
        let mut s: String = label.chars().take(MAX_LABEL - 1).collect();
        s.push('…');
        s
    }
}

/// Draws one chart into both formats. A macro, because the drawing code is generic over the
/// backend and closures cannot be.
macro_rules! both {
    ($stem:expr, $size:expr, $draw:ident, $spec:expr) => {{
        register_fonts()?;
        let svg = $stem.with_extension("svg");
        let png = $stem.with_extension("png");
        let svg_root = SVGBackend::new(&svg, $size).into_drawing_area();
        render(svg_root, None, &svg, |pen| $draw(pen, $spec))?;
        let (w, h) = $size;
        png_in_bands(&png, (w * 2, h * 2), BAND, |pen| $draw(pen, $spec))
    }};
}

/// Draws a `(w, h)`-pixel PNG at `path` `band` rows at a time, each band drawn whole by `draw`
/// and compressed before the next.
fn png_in_bands(
    path: &Path,
    (w, h): (u32, u32),
    band: u32,
    draw: impl Fn(&Pen<'_, BitMapBackend<'_>>) -> Result<(), String>,
) -> Result<(), ReportError> {
    let (mut pixels, data) = SCRATCH.take();
    let mut out = PngRows::new(w, data).map_err(|e| ReportError::io(path, e))?;
    let band = band.max(1);
    let row = w as usize * 3;
    let mut top = 0;
    while top < h {
        let rows = band.min(h - top);
        let len = row * (rows + 2 * MARGIN) as usize;
        // The background, as [`Pen::fill`] leaves it to this.
        pixels.clear();
        pixels.resize(len, 255);
        let root = BitMapBackend::with_buffer(&mut pixels[..len], (w, rows + 2 * MARGIN))
            .into_drawing_area();
        let first = i64::from(top) - i64::from(MARGIN);
        render(root, Some((first, rows + 2 * MARGIN)), path, &draw)?;
        let inner = row * MARGIN as usize..row * (MARGIN + rows) as usize;
        out.push(&pixels[inner])
            .map_err(|e| ReportError::io(path, e))?;
        top += rows;
    }
    let data = out.write(path, (w, h))?;
    SCRATCH.set((pixels, data));
    Ok(())
}

thread_local! {
    /// A thread's pixel band and compressed image data, kept from one chart to the next.
    /// Allocated afresh for each chart, their pages were faulted in (and zeroed) again each
    /// time, since freed memory goes back to the system at once. Kept, the 1,000-article
    /// report takes 73,000 page faults instead of 120,000, and 0.18–0.23 s of system time
    /// instead of 0.27–0.33.
    static SCRATCH: std::cell::Cell<(Vec<u8>, Vec<u8>)> =
        const { std::cell::Cell::new((Vec::new(), Vec::new())) };
}

/// Rows drawn above and below each band and then dropped. Plotters moves a line's end that
/// lies off the area onto its edge, which changes how a thick line's end is drawn there; with
/// this margin, that edge is never in the band.
const MARGIN: u32 = 8;

/// Rows of a PNG band: 512 rows of the widest chart (2,720 pixels) are 4 MB.
const BAND: u32 = 512;

/// Draws on `root` with a [`Pen`] and presents it: the whole chart for SVG, or for pixels (twice
/// as fine) the area of `(first row, rows)`. A failure names `path`.
fn render<DB: DrawingBackend>(
    root: DrawingArea<DB, Shift>,
    band: Option<(i64, u32)>,
    path: &Path,
    draw: impl FnOnce(&Pen<'_, DB>) -> Result<(), String>,
) -> Result<(), ReportError> {
    let row = |v: i64| i32::try_from(v).unwrap_or(i32::MAX);
    let pen = Pen {
        area: &root,
        k: if band.is_some() { 2 } else { 1 },
        pixels: band.is_some(),
        band: band.map_or((0, i32::MAX), |(top, rows)| (row(top), row(rows.into()))),
    };
    draw(&pen)
        .and_then(|()| root.present().map_err(|e| e.to_string()))
        .map_err(|message| ReportError::Chart {
            path: path.to_path_buf(),
            message,
        })
}

/// A PNG's image data, compressed as its rows arrive, band by band.
///
/// Charts are flat colour: one fixed filter (Up) and fast deflate compress them nearly as well
/// as the adaptive search, in a fraction of the time. The bytes are those the `png` crate's
/// `write_image_data` writes with these settings, without holding the whole image.
struct PngRows {
    deflate: fdeflate::Compressor<std::io::Cursor<Vec<u8>>>,
    /// The previous row (zeros above the first), and the filtered row being written.
    prev: Vec<u8>,
    row: Vec<u8>,
}

impl PngRows {
    /// Compresses into `data`, emptied first.
    fn new(width: u32, mut data: Vec<u8>) -> std::io::Result<PngRows> {
        let len = width as usize * 3;
        data.clear();
        Ok(PngRows {
            deflate: fdeflate::Compressor::new(std::io::Cursor::new(data))?,
            prev: vec![0; len],
            row: vec![0; len + 1],
        })
    }

    /// Appends whole RGB rows.
    fn push(&mut self, rgb: &[u8]) -> std::io::Result<()> {
        const UP: u8 = 2;
        for line in rgb.chunks(self.prev.len().max(1)) {
            self.row[0] = UP;
            for ((out, &now), &above) in self.row[1..].iter_mut().zip(line).zip(&self.prev) {
                *out = now.wrapping_sub(above);
            }
            self.deflate.write_data(&self.row)?;
            self.prev.copy_from_slice(line);
        }
        Ok(())
    }

    /// Writes the PNG of the rows pushed, `(w, h)` pixels, to `path`; gives back the
    /// compressed data's buffer.
    fn write(self, path: &Path, (w, h): (u32, u32)) -> Result<Vec<u8>, ReportError> {
        let err = |e: png::EncodingError| ReportError::Chart {
            path: path.to_path_buf(),
            message: e.to_string(),
        };
        let data = self
            .deflate
            .finish()
            .map_err(|e| ReportError::io(path, e))?
            .into_inner();
        let file = std::fs::File::create(path).map_err(|e| ReportError::io(path, e))?;
        let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), w, h);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        // The image data goes in as a raw chunk, which the sequence check does not count.
        encoder.validate_sequence(false);
        let mut writer = encoder.write_header().map_err(err)?;
        for chunk in data.chunks(i32::MAX as usize) {
            writer.write_chunk(png::chunk::IDAT, chunk).map_err(err)?;
        }
        writer.finish().map_err(err)?;
        Ok(data)
    }
}

const WIDTH: i32 = 960;
const ROW: i32 = 22;
const HEAD: i32 = 84;

fn diverging_height(c: &Diverging) -> i32 {
    let sections = i32::from(!c.more.is_empty()) + i32::from(!c.less.is_empty());
    HEAD + sections * 34
        + ROW * (c.more.len() + c.less.len()) as i32
        + 18 * c.footnotes.len() as i32
        + 24
}

/// Writes a diverging bar chart as `<stem>.svg` and `<stem>.png`.
pub fn diverging(stem: &Path, chart: &Diverging) -> Result<(), ReportError> {
    let size = (WIDTH as u32, diverging_height(chart) as u32);
    both!(stem, size, draw_diverging, chart)
}

fn draw_diverging<DB: DrawingBackend>(pen: &Pen<'_, DB>, c: &Diverging) -> Result<(), String> {
    pen.fill()?;
    pen.heading(&c.title, &c.subtitle)?;
    let zero = WIDTH / 2;
    let reach = f64::from(WIDTH / 2 - 110);
    let max = c
        .more
        .iter()
        .chain(&c.less)
        .map(|b| b.value.abs())
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE);
    let scale = reach / max;
    let mut y = HEAD;
    let top = y;
    for (heading, bars, more) in [
        (&c.more_heading, &c.more, true),
        (&c.less_heading, &c.less, false),
    ] {
        if bars.is_empty() {
            continue;
        }
        let hx = if more { zero + 8 } else { 20 };
        pen.text(heading, 14.0, INK, HPos::Left, true, (hx, y + 12))?;
        y += 34;
        // The guide goes under the bars, on their side only, so it never crosses a label.
        if let Some(g) = c.guide.filter(|g| *g <= max) {
            let dx = (g * scale).round() as i32;
            let x = if more { zero + dx } else { zero - dx };
            pen.line((x, y), (x, y + ROW * bars.len() as i32), RULE, true)?;
        }
        for b in bars {
            let len = ((b.value.abs() * scale).round() as i32).max(1);
            let cy = y + ROW / 2;
            let (x0, x1) = if more {
                (zero, zero + len)
            } else {
                (zero - len, zero)
            };
            let color = match (more, b.pale) {
                (true, false) => MORE,
                (true, true) => MORE_PALE,
                (false, false) => LESS,
                (false, true) => LESS_PALE,
            };
            pen.rect((x0, y + 3), (x1, y + ROW - 3), color)?;
            let value = format!("{:.1}", b.value);
            let label = shorten(&b.label);
            if more {
                pen.text(&label, 13.0, INK, HPos::Right, false, (zero - 8, cy))?;
                pen.text(&value, 11.0, MUTED, HPos::Left, false, (x1 + 5, cy))?;
            } else {
                pen.text(&label, 13.0, INK, HPos::Left, false, (zero + 8, cy))?;
                pen.text(&value, 11.0, MUTED, HPos::Right, false, (x0 - 5, cy))?;
            }
            y += ROW;
        }
    }
    pen.line((zero, top), (zero, y), INK, false)?;
    pen.footnotes(&c.footnotes, y + 12)
}

const PANEL_W: i32 = 330;
const PANEL_ROW: i32 = 19;

fn grid(c: &SmallMultiples) -> (i32, i32, i32) {
    let n = c.panels.len().max(1);
    let cols = ((n as f64).sqrt().ceil() as usize).clamp(1, 4);
    let rows = n.div_ceil(cols);
    let most = c.panels.iter().map(|p| p.bars.len()).max().unwrap_or(0) as i32;
    let panel_h = 56 + most.max(1) * PANEL_ROW + 10;
    (cols as i32, rows as i32, panel_h)
}

/// Writes small multiples as `<stem>.svg` and `<stem>.png`.
pub fn small_multiples(stem: &Path, chart: &SmallMultiples) -> Result<(), ReportError> {
    let (cols, rows, panel_h) = grid(chart);
    let w = (cols * PANEL_W + 40).max(640);
    let h = HEAD + rows * panel_h + 18 * chart.footnotes.len() as i32 + 24;
    both!(
        Path::new(stem),
        (w as u32, h as u32),
        draw_small_multiples,
        chart
    )
}

fn draw_small_multiples<DB: DrawingBackend>(
    pen: &Pen<'_, DB>,
    c: &SmallMultiples,
) -> Result<(), String> {
    pen.fill()?;
    pen.heading(&c.title, &c.subtitle)?;
    let (cols, rows, panel_h) = grid(c);
    let max = c
        .panels
        .iter()
        .flat_map(|p| &p.bars)
        .map(|b| b.value.abs())
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE);
    let label_w = 150;
    let scale = f64::from(PANEL_W - label_w - 50) / max;
    for (i, p) in c.panels.iter().enumerate() {
        let (col, row) = (i as i32 % cols, i as i32 / cols);
        let x = 20 + col * PANEL_W;
        let y = HEAD + row * panel_h;
        pen.text(&shorten(&p.title), 14.0, INK, HPos::Left, true, (x, y + 12))?;
        pen.text(&p.subtitle, 11.0, MUTED, HPos::Left, false, (x, y + 32))?;
        let zero = x + label_w;
        let mut by = y + 48;
        for b in &p.bars {
            let len = ((b.value.max(0.0) * scale).round() as i32).max(1);
            let cy = by + PANEL_ROW / 2;
            let color = if b.pale { MORE_PALE } else { MORE };
            pen.rect((zero, by + 3), (zero + len, by + PANEL_ROW - 3), color)?;
            let mut label = b.label.clone();
            if label.chars().count() > 22 {
                label = label.chars().take(21).collect::<String>() + "…";
            }
            pen.text(&label, 12.0, INK, HPos::Right, false, (zero - 6, cy))?;
            pen.text(
                &format!("{:.1}", b.value),
                10.0,
                MUTED,
                HPos::Left,
                false,
                (zero + len + 4, cy),
            )?;
            by += PANEL_ROW;
        }
        if p.bars.is_empty() {
            pen.text(
                "no distinctive terms",
                12.0,
                MUTED,
                HPos::Left,
                false,
                (x, y + 58),
            )?;
        }
    }
    pen.footnotes(&c.footnotes, HEAD + rows * panel_h + 6)
}

/// Okabe and Ito's colour-blind-safe palette, darkest first, then grey for "other".
const PALETTE: [RGBColor; 8] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(213, 94, 0),
    RGBColor(240, 228, 66),
    RGBColor(153, 153, 153),
];

/// The colour of category `i` of a stacked chart: the palette's, but speakers no rule
/// placed ([`UNCLASSIFIED`]) in a light grey, so that the groups that were placed stand out.
fn category_colour(i: usize, name: &str) -> RGBColor {
    if name == UNCLASSIFIED {
        RGBColor(210, 210, 210)
    } else {
        PALETTE[i.min(7)]
    }
}

/// Stacked 100% bars: one row per group, one segment per category.
#[derive(Debug, Clone, PartialEq)]
pub struct Stacked {
    /// Bold first line.
    pub title: String,
    /// Second line.
    pub subtitle: String,
    /// Category names, in legend and stacking order (at most 8; the eighth is drawn grey, and
    /// [`UNCLASSIFIED`] light grey).
    pub categories: Vec<String>,
    /// Rows: label (with its n) and counts per category.
    pub rows: Vec<(String, Vec<u64>)>,
    /// Lines under the chart.
    pub footnotes: Vec<String>,
}

/// Horizontal bars of one value per group.
#[derive(Debug, Clone, PartialEq)]
pub struct Bars {
    /// Bold first line.
    pub title: String,
    /// Second line, with the unit.
    pub subtitle: String,
    /// One row per group.
    pub rows: Vec<BarRow>,
    /// Lines under the chart.
    pub footnotes: Vec<String>,
}

/// One row of [`Bars`].
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    /// The label (with its n).
    pub label: String,
    /// The value (negative values are drawn as zero).
    pub value: f64,
    /// The text printed at the bar's end.
    pub note: String,
    /// Drawn pale (weaker evidence, explained in a footnote).
    pub pale: bool,
}

const LABEL_W: i32 = 260;
const BAR_ROW: i32 = 26;

/// Writes stacked share bars as `<stem>.svg` and `<stem>.png`.
pub fn stacked(stem: &Path, chart: &Stacked) -> Result<(), ReportError> {
    let legend_rows = (chart.categories.len() as i32 + 2) / 3;
    let h = HEAD
        + legend_rows * 20
        + 16
        + BAR_ROW * chart.rows.len().max(1) as i32
        + 18 * chart.footnotes.len() as i32
        + 30;
    both!(stem, (WIDTH as u32, h as u32), draw_stacked, chart)
}

fn draw_stacked<DB: DrawingBackend>(pen: &Pen<'_, DB>, c: &Stacked) -> Result<(), String> {
    pen.fill()?;
    pen.heading(&c.title, &c.subtitle)?;
    let mut y = HEAD;
    for (i, cat) in c.categories.iter().enumerate() {
        let (col, row) = (i as i32 % 3, i as i32 / 3);
        let x = 20 + col * 300;
        let yy = y + row * 20;
        pen.rect((x, yy + 4), (x + 12, yy + 16), category_colour(i, cat))?;
        pen.text(
            &shorten(cat),
            12.0,
            INK,
            HPos::Left,
            false,
            (x + 18, yy + 10),
        )?;
    }
    y += ((c.categories.len() as i32 + 2) / 3) * 20 + 16;
    let x0 = LABEL_W;
    let width = WIDTH - LABEL_W - 30;
    for (label, counts) in &c.rows {
        let total: u64 = counts.iter().sum();
        pen.text(
            &shorten(label),
            12.0,
            INK,
            HPos::Right,
            false,
            (x0 - 8, y + BAR_ROW / 2),
        )?;
        if total == 0 {
            pen.text(
                "no quotes",
                11.0,
                MUTED,
                HPos::Left,
                false,
                (x0 + 4, y + BAR_ROW / 2),
            )?;
        } else {
            let mut acc = 0u64;
            for (i, n) in counts.iter().enumerate() {
                if *n == 0 {
                    continue;
                }
                let a = x0 + (f64::from(width) * acc as f64 / total as f64).round() as i32;
                acc += n;
                let b = x0 + (f64::from(width) * acc as f64 / total as f64).round() as i32;
                let name = c.categories.get(i).map_or("", String::as_str);
                pen.rect(
                    (a, y + 4),
                    (b.max(a + 1), y + BAR_ROW - 4),
                    category_colour(i, name),
                )?;
                let share = *n as f64 / total as f64;
                if b - a >= 34 {
                    let ink = if (i == 0 || i == 2 || i == 5) && name != UNCLASSIFIED {
                        WHITE_TEXT
                    } else {
                        INK
                    };
                    pen.text(
                        &format!("{:.0}%", share * 100.0),
                        11.0,
                        ink,
                        HPos::Center,
                        false,
                        ((a + b) / 2, y + BAR_ROW / 2),
                    )?;
                }
            }
        }
        y += BAR_ROW;
    }
    pen.footnotes(&c.footnotes, y + 10)
}

const WHITE_TEXT: RGBColor = RGBColor(255, 255, 255);

/// Writes value bars as `<stem>.svg` and `<stem>.png`.
pub fn bars(stem: &Path, chart: &Bars) -> Result<(), ReportError> {
    let h =
        HEAD + BAR_ROW * chart.rows.len().max(1) as i32 + 18 * chart.footnotes.len() as i32 + 30;
    both!(stem, (WIDTH as u32, h as u32), draw_bars, chart)
}

fn draw_bars<DB: DrawingBackend>(pen: &Pen<'_, DB>, c: &Bars) -> Result<(), String> {
    pen.fill()?;
    pen.heading(&c.title, &c.subtitle)?;
    let mut y = HEAD;
    let x0 = LABEL_W;
    let max = c
        .rows
        .iter()
        .map(|r| r.value)
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE);
    let scale = f64::from(WIDTH - LABEL_W - 190) / max;
    for r in &c.rows {
        let len = (r.value.max(0.0) * scale).round() as i32;
        pen.text(
            &shorten(&r.label),
            12.0,
            INK,
            HPos::Right,
            false,
            (x0 - 8, y + BAR_ROW / 2),
        )?;
        let fill = if r.pale { MORE_PALE } else { PALETTE[0] };
        pen.rect((x0, y + 4), (x0 + len.max(1), y + BAR_ROW - 4), fill)?;
        pen.text(
            &r.note,
            11.0,
            MUTED,
            HPos::Left,
            false,
            (x0 + len + 6, y + BAR_ROW / 2),
        )?;
        y += BAR_ROW;
    }
    pen.line((x0, HEAD), (x0, y), INK, false)?;
    pen.footnotes(&c.footnotes, y + 10)
}

/// A rate per row with its interval: a dot and whiskers.
#[derive(Debug, Clone, PartialEq)]
pub struct Intervals {
    /// Bold first line.
    pub title: String,
    /// Second line, with the unit.
    pub subtitle: String,
    /// Rows, top first.
    pub rows: Vec<IntervalRow>,
    /// Lines under the chart.
    pub footnotes: Vec<String>,
}

/// One row of [`Intervals`].
#[derive(Debug, Clone, PartialEq)]
pub struct IntervalRow {
    /// Label (with its n).
    pub label: String,
    /// The estimate.
    pub value: f64,
    /// The interval, when there is one.
    pub ci: Option<(f64, f64)>,
    /// Text at the right end.
    pub note: String,
    /// Drawn pale (too small to compare).
    pub pale: bool,
    /// A second value to compare the estimate with (the same rate counted another way),
    /// drawn as a hollow square behind it.
    pub also: Option<f64>,
}

/// Writes dot-and-whisker rows as `<stem>.svg` and `<stem>.png`.
pub fn intervals(stem: &Path, chart: &Intervals) -> Result<(), ReportError> {
    let h = HEAD
        + 24
        + BAR_ROW * chart.rows.len().max(1) as i32
        + 18 * chart.footnotes.len() as i32
        + 40;
    both!(stem, (WIDTH as u32, h as u32), draw_intervals, chart)
}

/// A round number at or above `max` for an axis end, with its tick step.
fn nice_axis(max: f64) -> (f64, f64) {
    let max = if max > 0.0 && max.is_finite() {
        max
    } else {
        1.0
    };
    let mag = 10f64.powf(max.log10().floor());
    for (m, ticks) in [
        (1.0, 4.0),
        (1.5, 3.0),
        (2.0, 4.0),
        (2.5, 5.0),
        (5.0, 5.0),
        (10.0, 5.0),
    ] {
        if m * mag >= max {
            let top = m * mag;
            return (top, top / ticks);
        }
    }
    (10.0 * mag, 2.5 * mag)
}

fn draw_intervals<DB: DrawingBackend>(pen: &Pen<'_, DB>, c: &Intervals) -> Result<(), String> {
    pen.fill()?;
    pen.heading(&c.title, &c.subtitle)?;
    let x0 = LABEL_W;
    let width = WIDTH - LABEL_W - 200;
    let max = c
        .rows
        .iter()
        .map(|r| {
            let top = r.ci.map_or(r.value, |(_, hi)| hi.max(r.value));
            r.also.map_or(top, |a| a.max(top))
        })
        .fold(0.0_f64, f64::max);
    let (top, step) = nice_axis(max);
    let xof = |v: f64| x0 + (f64::from(width) * (v / top).clamp(0.0, 1.0)).round() as i32;
    let y_axis = HEAD + 8;
    let mut tick = 0.0;
    let bottom = y_axis + 16 + BAR_ROW * c.rows.len().max(1) as i32;
    while tick <= top + 1e-9 {
        let x = xof(tick);
        pen.line((x, y_axis + 16), (x, bottom), RULE, true)?;
        pen.text(
            &trim_number(tick),
            11.0,
            MUTED,
            HPos::Center,
            false,
            (x, y_axis + 4),
        )?;
        tick += step;
    }
    let mut y = y_axis + 16;
    for r in &c.rows {
        let ink = if r.pale { MUTED } else { INK };
        let mark = if r.pale { MORE_PALE } else { MORE };
        pen.text(
            &shorten(&r.label),
            12.0,
            ink,
            HPos::Right,
            false,
            (x0 - 8, y + BAR_ROW / 2),
        )?;
        let ym = y + BAR_ROW / 2;
        if let Some((lo, hi)) = r.ci {
            pen.line((xof(lo), ym), (xof(hi), ym), mark, false)?;
            pen.line((xof(lo), ym - 5), (xof(lo), ym + 5), mark, false)?;
            pen.line((xof(hi), ym - 5), (xof(hi), ym + 5), mark, false)?;
        }
        if let Some(also) = r.also {
            let x = xof(also);
            let (a, b, c, d) = (
                (x - 4, ym - 4),
                (x + 4, ym - 4),
                (x + 4, ym + 4),
                (x - 4, ym + 4),
            );
            let ring = if r.pale { RULE } else { MUTED };
            for (from, to) in [(a, b), (b, c), (c, d), (d, a)] {
                pen.line(from, to, ring, false)?;
            }
        }
        let x = xof(r.value);
        pen.rect((x - 4, ym - 4), (x + 4, ym + 4), mark)?;
        pen.text(
            &r.note,
            11.0,
            MUTED,
            HPos::Left,
            false,
            (x0 + width + 14, ym),
        )?;
        y += BAR_ROW;
    }
    pen.line((x0, y_axis + 16), (x0, y), INK, false)?;
    pen.footnotes(&c.footnotes, y + 14)
}

/// A number without trailing zeros: 2.5, 10, 0.25.
fn trim_number(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A heat map: one row per group, one column per category, colour by value.
#[derive(Debug, Clone, PartialEq)]
pub struct Heatmap {
    /// Bold first line.
    pub title: String,
    /// Second line, with the unit.
    pub subtitle: String,
    /// Column headings.
    pub columns: Vec<String>,
    /// Rows: label (with its n) and one cell per column.
    pub rows: Vec<(String, Vec<Cell>)>,
    /// Lines under the chart.
    pub footnotes: Vec<String>,
}

/// One cell of a [`Heatmap`].
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The value that sets the colour; `None` draws an empty (hatched grey) cell.
    pub value: Option<f64>,
    /// Main text.
    pub text: String,
    /// Small second line (a count).
    pub detail: String,
}

const CELL_H: i32 = 34;

/// Writes a heat map as `<stem>.svg` and `<stem>.png`.
pub fn heatmap(stem: &Path, chart: &Heatmap) -> Result<(), ReportError> {
    let h = HEAD
        + 40
        + CELL_H * chart.rows.len().max(1) as i32
        + 18 * chart.footnotes.len() as i32
        + 40;
    both!(stem, (WIDTH as u32, h as u32), draw_heatmap, chart)
}

/// White to Okabe–Ito blue: one hue, so the scale reads the same without colour vision.
fn ramp(t: f64) -> RGBColor {
    let t = t.clamp(0.0, 1.0);
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
    RGBColor(mix(247, 0), mix(251, 90), mix(255, 160))
}

/// Splits a column heading over two lines at a space, `-`, `_` or `.` near its middle.
fn two_lines(label: &str, max: usize) -> (String, String) {
    let label = label.replace('_', " ");
    if label.chars().count() <= max {
        return (label, String::new());
    }
    let mid = label.len() / 2;
    let cut = label
        .char_indices()
        .filter(|(_, c)| matches!(c, ' ' | '-' | '.'))
        .min_by_key(|(i, _)| i.abs_diff(mid))
        .map(|(i, _)| i);
    match cut {
        Some(i) => (label[..i].to_string(), label[i + 1..].to_string()),
        None => {
            let head: String = label.chars().take(max).collect();
            let tail: String = label.chars().skip(max).collect();
            (head, tail)
        }
    }
}

fn draw_heatmap<DB: DrawingBackend>(pen: &Pen<'_, DB>, c: &Heatmap) -> Result<(), String> {
    pen.fill()?;
    pen.heading(&c.title, &c.subtitle)?;
    let x0 = LABEL_W;
    let n = c.columns.len().max(1) as i32;
    let cw = ((WIDTH - LABEL_W - 20) / n).min(140);
    let max_chars = (cw / 7).max(4) as usize;
    let max = c
        .rows
        .iter()
        .flat_map(|(_, cells)| cells.iter().filter_map(|x| x.value))
        .fold(0.0_f64, f64::max);
    for (i, col) in c.columns.iter().enumerate() {
        let xc = x0 + i as i32 * cw + cw / 2;
        let (a, b) = two_lines(col, max_chars);
        let a: String = a.chars().take(max_chars + 2).collect();
        let b: String = b.chars().take(max_chars + 2).collect();
        if b.is_empty() {
            pen.text(&a, 11.0, INK, HPos::Center, true, (xc, HEAD + 26))?;
        } else {
            pen.text(&a, 11.0, INK, HPos::Center, true, (xc, HEAD + 12))?;
            pen.text(&b, 11.0, INK, HPos::Center, true, (xc, HEAD + 27))?;
        }
    }
    let mut y = HEAD + 40;
    for (label, cells) in &c.rows {
        pen.text(
            &shorten(label),
            12.0,
            INK,
            HPos::Right,
            false,
            (x0 - 8, y + CELL_H / 2),
        )?;
        for (i, cell) in cells.iter().enumerate() {
            let x = x0 + i as i32 * cw;
            let (fill, ink) = match cell.value {
                Some(v) => {
                    let t = if max > 0.0 { v / max } else { 0.0 };
                    (ramp(t), if t > 0.55 { WHITE_TEXT } else { INK })
                }
                None => (RGBColor(235, 235, 235), MUTED),
            };
            pen.rect((x + 1, y + 1), (x + cw - 1, y + CELL_H - 1), fill)?;
            if cell.detail.is_empty() {
                pen.text(
                    &cell.text,
                    12.0,
                    ink,
                    HPos::Center,
                    false,
                    (x + cw / 2, y + CELL_H / 2),
                )?;
            } else {
                pen.text(
                    &cell.text,
                    12.0,
                    ink,
                    HPos::Center,
                    true,
                    (x + cw / 2, y + 12),
                )?;
                pen.text(
                    &cell.detail,
                    9.5,
                    ink,
                    HPos::Center,
                    false,
                    (x + cw / 2, y + 25),
                )?;
            }
        }
        y += CELL_H;
    }
    pen.footnotes(&c.footnotes, y + 12)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_unique_and_safe() {
        assert_eq!(
            unique_slugs(["A b", "a-b", "a.b", "Ünïcode"]),
            ["a-b", "a-b-2", "a-b-3", "n-code"]
        );
    }

    /// A tall chart drawn band by band has the pixels and the bytes of the chart drawn in one
    /// piece: text, bars, and dashed and solid lines across the bands' edges.
    #[test]
    fn a_chart_drawn_in_bands_is_the_chart_drawn_whole() {
        let dir = tempfile::tempdir().unwrap();
        let bars = |sign: f64| -> Vec<Bar> {
            (0..40)
                .map(|i| Bar {
                    label: format!("term number {i}"),
                    value: sign * (0.5 + f64::from(i) / 7.0),
                    pale: i % 5 == 0,
                })
                .collect()
        };
        let chart = Diverging {
            title: "Distinctive terms: a tall chart".into(),
            subtitle: "Eighty bars".into(),
            more_heading: "Used more".into(),
            less_heading: "Used less".into(),
            more: bars(1.0),
            less: bars(-1.0),
            guide: Some(1.96),
            footnotes: vec!["A footnote.".into()],
        };
        register_fonts().unwrap();
        let size = (2 * WIDTH as u32, 2 * diverging_height(&chart) as u32);
        let draw = |pen: &Pen<'_, BitMapBackend<'_>>| draw_diverging(pen, &chart);
        let whole = dir.path().join("whole.png");
        png_in_bands(&whole, size, size.1, draw).unwrap();
        let whole = std::fs::read(&whole).unwrap();
        // Band heights that split text, bars and dashes at odd rows, and one taller than the
        // chart.
        for band in [1, 7, 97, 512, size.1 + 1] {
            let banded = dir.path().join(format!("band-{band}.png"));
            png_in_bands(&banded, size, band, draw).unwrap();
            assert!(
                std::fs::read(&banded).unwrap() == whole,
                "bands of {band} rows"
            );
        }
        let decoder = png::Decoder::new(std::io::Cursor::new(&whole));
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size()];
        let frame = reader.next_frame(&mut pixels).unwrap();
        assert_eq!((frame.width, frame.height), size);
        // Not blank: the bars' colour is there.
        assert!(pixels.chunks(3).any(|p| p == [MORE.0, MORE.1, MORE.2]));
    }

    #[test]
    fn charts_are_written_in_both_formats_and_identically_twice() {
        let dir = tempfile::tempdir().unwrap();
        let chart = Diverging {
            title: "Distinctive terms: Today.az".into(),
            subtitle: "1 document, 812 tokens, against 4 documents, 3,100 tokens".into(),
            more_heading: "Used more".into(),
            less_heading: "Used less".into(),
            more: vec![
                Bar {
                    label: "shot down".into(),
                    value: 3.2,
                    pale: false,
                },
                Bar {
                    label: "a very long phrase that goes on and on beyond any sensible width"
                        .into(),
                    value: 2.0,
                    pale: true,
                },
            ],
            less: vec![Bar {
                label: "crash".into(),
                value: -2.5,
                pale: false,
            }],
            guide: Some(1.96),
            footnotes: vec!["Pale: one document.".into()],
        };
        let stem = dir.path().join("chart");
        diverging(&stem, &chart).unwrap();
        let svg = std::fs::read_to_string(stem.with_extension("svg")).unwrap();
        assert!(
            svg.contains("shot down") && svg.contains("Used less"),
            "{svg}"
        );
        assert!(
            svg.contains("a very long phrase that goes on and on beyond a…"),
            "{svg}"
        );
        assert!(!svg.contains("sensible width"));
        let png = std::fs::read(stem.with_extension("png")).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        diverging(&dir.path().join("again"), &chart).unwrap();
        assert_eq!(png, std::fs::read(dir.path().join("again.png")).unwrap());
    }
}
