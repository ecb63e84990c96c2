//! The Python binding: Python values in, dicts out, exceptions with the
//! core's messages.
//!
//! Conversion only, like the wasm binding: how an input is read
//! ([`vnextract::Input`]), the pipeline and the reports
//! ([`vnextract::report`]) all live in the core. `extract_many` releases
//! the GIL and spreads the batch over cores with rayon, keeping its order.

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use pythonize::{depythonize, pythonize};
use rayon::prelude::*;
use vnextract::report::{self, Document, Table};
use vnextract::{ErrorKind, Extraction, Options, Ymd};
use vnextract::{Format, Input};

create_exception!(
    vnextract,
    Error,
    PyValueError,
    "An input vnextract cannot process; `kind` is the core's error id."
);
create_exception!(
    vnextract,
    InputTooLarge,
    Error,
    "The input is larger than `max_bytes`."
);
create_exception!(
    vnextract,
    InvalidOption,
    Error,
    "An option could not be read."
);
create_exception!(
    vnextract,
    InvalidUtf8,
    Error,
    "Bytes that are not UTF-8 (and `lossy` is off)."
);

/// The core's error as the exception of its kind, with `kind` set to its id.
fn to_py(e: vnextract::Error) -> PyErr {
    let err = match e.kind() {
        ErrorKind::InputTooLarge => InputTooLarge::new_err(e.to_string()),
        ErrorKind::InvalidUtf8 => InvalidUtf8::new_err(e.to_string()),
        _ => InvalidOption::new_err(e.to_string()),
    };
    Python::attach(|py| {
        // Setting an attribute on a fresh exception cannot fail in practice;
        // if it did, the exception still carries its class and message.
        let _ = err.value(py).setattr("kind", e.kind().id());
    });
    err
}

/// One text from Python: a `str`, or `bytes` that should be UTF-8.
enum Text {
    Str(String),
    Bytes(Vec<u8>),
}

impl<'py> FromPyObject<'_, 'py> for Text {
    type Error = PyErr;
    fn extract(ob: Borrowed<'_, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(s) = ob.cast::<PyString>() {
            Ok(Text::Str(s.to_cow()?.into_owned()))
        } else if let Ok(b) = ob.cast::<PyBytes>() {
            Ok(Text::Bytes(b.as_bytes().to_vec()))
        } else {
            Err(pyo3::exceptions::PyTypeError::new_err(format!(
                "expected str or bytes, got {}",
                ob.get_type().name()?
            )))
        }
    }
}

/// The options of one call, read once and shared by every text of a batch.
struct Settings {
    options: Options,
    format: Format,
    lossy: bool,
}

impl Settings {
    fn new(
        clean: bool,
        reference_date: Option<&str>,
        html: Option<bool>,
        max_bytes: Option<usize>,
        lossy: bool,
    ) -> PyResult<Settings> {
        let reference_date = reference_date
            .map(|d| d.parse::<Ymd>())
            .transpose()
            .map_err(to_py)?;
        let mut options = Options {
            clean,
            reference_date,
            ..Options::default()
        };
        if let Some(m) = max_bytes {
            options.max_input_bytes = m;
        }
        let format = match html {
            None => Format::Auto,
            Some(true) => Format::Html,
            Some(false) => Format::Text,
        };
        Ok(Settings {
            options,
            format,
            lossy,
        })
    }

    fn run(&self, text: Text) -> Result<Extraction, vnextract::Error> {
        let input = match text {
            Text::Str(s) => Input::from_text(s, None, self.format),
            Text::Bytes(b) => Input::from_bytes(b, None, self.format, self.lossy)?,
        };
        input.extract(&self.options)
    }
}

fn to_dict<'py>(py: Python<'py>, x: &Extraction) -> PyResult<Bound<'py, PyAny>> {
    pythonize(py, x).map_err(PyErr::from)
}

/// extract(text, *, clean=True, reference_date=None, html=None, max_bytes=None, lossy=False)
/// --
///
/// The clean article, its entities and its events, as the dict of the
/// output contract (what the CLI prints as JSON).
#[pyfunction]
#[pyo3(signature = (text, *, clean=true, reference_date=None, html=None, max_bytes=None, lossy=false))]
fn extract<'py>(
    py: Python<'py>,
    text: Text,
    clean: bool,
    reference_date: Option<&str>,
    html: Option<bool>,
    max_bytes: Option<usize>,
    lossy: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let settings = Settings::new(clean, reference_date, html, max_bytes, lossy)?;
    let x = py.detach(|| settings.run(text)).map_err(to_py)?;
    to_dict(py, &x)
}

/// extract_many(texts, *, threads=None, clean=True, reference_date=None, html=None, max_bytes=None, lossy=False)
/// --
///
/// `extract` over many texts, on `threads` cores (all by default) with the
/// GIL released; the results in the order of `texts`. The first text that
/// cannot be processed raises, naming its index.
#[pyfunction]
#[pyo3(signature = (texts, *, threads=None, clean=true, reference_date=None, html=None, max_bytes=None, lossy=false))]
#[allow(clippy::too_many_arguments)] // Python keyword arguments
fn extract_many<'py>(
    py: Python<'py>,
    texts: Vec<Text>,
    threads: Option<usize>,
    clean: bool,
    reference_date: Option<&str>,
    html: Option<bool>,
    max_bytes: Option<usize>,
    lossy: bool,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let settings = Settings::new(clean, reference_date, html, max_bytes, lossy)?;
    let run = || -> Result<Vec<Extraction>, vnextract::Error> {
        texts
            .into_par_iter()
            .enumerate()
            .map(|(i, t)| {
                settings
                    .run(t)
                    .map_err(|e| vnextract::Error::new(e.kind(), format!("texts[{i}]: {e}")))
            })
            .collect()
    };
    let results = py
        .detach(|| match threads {
            None => Ok(run()),
            Some(n) => rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map(|pool| pool.install(run)),
        })
        .map_err(|e| InvalidOption::new_err(format!("threads={threads:?}: {e}")))?
        .map_err(to_py)?;
    results.iter().map(|x| to_dict(py, x)).collect()
}

/// `(name, document)` pairs from Python as owned extractions.
fn documents(docs: &Bound<'_, PyAny>) -> PyResult<Vec<(String, Extraction)>> {
    docs.try_iter()?
        .map(|pair| {
            let (name, doc): (String, Bound<'_, PyAny>) = pair?.extract()?;
            let x: Extraction = depythonize(&doc)
                .map_err(|e| InvalidOption::new_err(format!("{name}: not a document: {e}")))?;
            Ok((name, x))
        })
        .collect()
}

/// Runs `f` over the documents given as `(name, document)` pairs.
fn with_documents<T>(docs: &Bound<'_, PyAny>, f: impl FnOnce(&[Document]) -> T) -> PyResult<T> {
    let owned = documents(docs)?;
    let docs: Vec<Document> = owned
        .iter()
        .map(|(name, extraction)| Document { name, extraction })
        .collect();
    Ok(f(&docs))
}

/// timeline(docs)
/// --
///
/// One timeline of the events of many documents, given as `(name,
/// document)` pairs (documents as `extract` returns them): the same event
/// reported by several articles is one entry listing its sources, in date
/// order. What the CLI's `--timeline` prints.
#[pyfunction]
fn timeline<'py>(py: Python<'py>, docs: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let entries = with_documents(docs, report::timeline)?;
    pythonize(py, &entries).map_err(PyErr::from)
}

/// events_csv(docs)
/// --
///
/// The events of `(name, document)` pairs as CSV, the CLI's `--events-csv`.
#[pyfunction]
fn events_csv(docs: &Bound<'_, PyAny>) -> PyResult<String> {
    with_documents(docs, report::events_csv)
}

/// entities_csv(docs)
/// --
///
/// The entities of `(name, document)` pairs as CSV, the CLI's `--entities-csv`.
#[pyfunction]
fn entities_csv(docs: &Bound<'_, PyAny>) -> PyResult<String> {
    with_documents(docs, report::entities_csv)
}

/// columns(table)
/// --
///
/// The columns of the `"events"` or `"entities"` CSV.
#[pyfunction]
fn columns(table: &str) -> PyResult<Vec<&'static str>> {
    Table::ALL
        .iter()
        .find(|t| t.id() == table)
        .map(|t| t.columns().to_vec())
        .ok_or_else(|| {
            InvalidOption::new_err(format!("no table {table:?}: \"events\" or \"entities\""))
        })
}

/// schema()
/// --
///
/// Every id the core can emit (entity and event types, removal reasons,
/// warnings, error kinds) and its limits.
#[pyfunction]
fn schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    pythonize(py, &vnextract::schema()).map_err(PyErr::from)
}

/// Clean article, entities (PER, ORG, LOC, TITLE, DATE, …) and events from a
/// pasted Vietnamese news page. Offsets count UTF-16 code units.
#[pymodule(name = "vnextract")]
fn vnextract_py(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("Error", py.get_type::<Error>())?;
    m.add("InputTooLarge", py.get_type::<InputTooLarge>())?;
    m.add("InvalidOption", py.get_type::<InvalidOption>())?;
    m.add("InvalidUtf8", py.get_type::<InvalidUtf8>())?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(timeline, m)?)?;
    m.add_function(wrap_pyfunction!(events_csv, m)?)?;
    m.add_function(wrap_pyfunction!(entities_csv, m)?)?;
    m.add_function(wrap_pyfunction!(columns, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    Ok(())
}
