import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from analysis.charts import annotate, use_style  # noqa: E402


def test_caption_starts_below_rotated_tick_labels():
    use_style()
    fig, ax = plt.subplots()
    ax.bar([f"FY20{y}-{y + 1}" for y in range(10, 20)], range(10))
    ax.tick_params(axis="x", rotation=45)
    annotate(fig, caption="Caption.", source="Source: X.", note="gap")
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    text = fig.texts[-1]
    assert text.get_text() == "Caption.\nNote: gap\nSource: X."
    labels_bottom = min(t.get_window_extent(r).y0 for t in ax.get_xticklabels())
    assert text.get_window_extent(r).y1 < labels_bottom
    plt.close(fig)


def test_house_figures_stay_out_of_pyplot_and_wrap_captions_to_their_width():
    # a figure pyplot still held would be drawn again after every notebook cell
    from analysis.charts import figure

    plt.close("all")
    fig, ax = figure(figsize=(6, 3))
    ax.plot([1, 2, 3])
    long = "A caption long enough to need several lines at this width. " * 6
    annotate(fig, caption=long, source="Source: X.")
    assert plt.get_fignums() == []
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    text = fig.texts[-1]
    assert text.get_text().count("\n") >= 3  # wrapped, then the source line
    assert text.get_window_extent(r).width <= fig.bbox.width
    assert " ".join(text.get_text().split()) == " ".join((long + " Source: X.").split())


def test_show_gives_an_image_with_alt_text_at_print_size_and_the_data_as_csv():
    import base64
    import io
    import re

    import pandas as pd

    from analysis.charts import WIDTH_IN, figure, show

    fig, ax = figure()
    ax.plot([2020, 2021], [1.5, -2.0])
    ax.set_title("Exports fell by\nhalf")
    annotate(fig, caption="Exports, US$ billion.", source="Source: X [1].")
    data = pd.DataFrame({"year": [2020, 2021], "value": [1.5, -2.0]})
    chart = show(fig, data, "exports by year")
    assert chart.alt == "Exports fell by half. Exports, US$ billion."
    bundle, meta = chart._repr_mimebundle_()
    page = bundle["text/html"]
    img = re.search(r"<img [^>]*>", page).group(0)
    assert 'alt="Exports fell by half. Exports, US$ billion."' in img
    width = int(re.search(r'width="(\d+)"', img).group(1))
    assert 0.8 * WIDTH_IN * 96 <= width <= WIDTH_IN * 96 + 10  # CSS px at 100 %: print size
    assert meta["image/png"]["alt"] == chart.alt and bundle["image/png"]
    link = re.search(r'<a download="exports-by-year.csv" href="data:text/csv;charset=utf-8;'
                     r'base64,([^"]+)"', page)
    back = pd.read_csv(io.StringIO(base64.b64decode(link.group(1)).decode("utf-8")))
    pd.testing.assert_frame_equal(back, data)
    plt.close(fig)


def test_hover_values_are_an_image_map_over_the_x_slots_of_the_axes():
    import re

    import pandas as pd

    from analysis.charts import figure, show

    fig, ax = figure()
    ax.bar([0, 1, 2], [3, 1, 2])
    annotate(fig, caption="C.", source="S.")
    chart = show(fig, pd.DataFrame({"x": [0, 1, 2]}), "bars",
                 hover=[(i - 0.5, i + 0.5, f"slot {i} & more") for i in range(3)])
    _, width, height = chart.png()
    rects = [r for r, _ in chart.areas()]
    assert [t for _, t in chart.areas()] == ["slot 0 & more", "slot 1 & more", "slot 2 & more"]
    assert all(0 <= left < right <= width and 0 <= top < bottom <= height
               for left, top, right, bottom in rects)
    assert rects[0][2] == rects[1][0] and rects[1][2] == rects[2][0]  # slots side by side
    page = chart._repr_html_()
    assert 'usemap="#map-bars"' in page and '<map name="map-bars">' in page
    assert len(re.findall(r'<area shape="rect" coords="\d+,\d+,\d+,\d+" alt="slot \d &amp; more" '
                          r'title="slot \d &amp; more">', page)) == 3
    assert "<map" not in show(fig, pd.DataFrame(), "plain")._repr_html_()  # none asked, none made
    plt.close(fig)
