// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark 2, paint: lay out and paint 1,000 mixed thread rows (Persian, Arabic,
// English, one in five a long email) with TimelineDelegate into an 800x900 QImage,
// screenful by screenful (a screenful: the rows that fit in 900 px). The figure is
// the first pass (layout + paint, nothing cached); the repaint with cached layouts
// and the cost per 20 rows are reported beside it.
#include "bench/bench_support.h"
#include "bench/thread_content.h"
#include "models/timeline_model.h"
#include "ui/timeline_delegate.h"

#include <QApplication>
#include <QImage>
#include <QJsonObject>
#include <QListView>
#include <QPainter>

using namespace threadline;

namespace {

struct Pass {
    QList<double> screenMs;
    int rows = 0;
};

Pass paintAll(const ui::TimelineDelegate &delegate, const QAbstractItemModel &model,
              QStyleOptionViewItem option, QImage &image)
{
    Pass pass;
    QPainter painter(&image);
    int row = 0;
    const int rows = model.rowCount();
    while (row < rows) {
        QElapsedTimer t;
        t.start();
        painter.fillRect(image.rect(), option.palette.base());
        int y = 0;
        for (; row < rows; ++row) {
            const QModelIndex index = model.index(row, 0);
            option.rect = QRect(0, y, image.width(), 0);
            const QSize size = delegate.sizeHint(option, index);
            if (y > 0 && y + size.height() > image.height())
                break; // the screen is full; this row starts the next one
            option.rect.setHeight(size.height());
            delegate.paint(&painter, option, index);
            y += size.height();
            ++pass.rows;
        }
        pass.screenMs.append(bench::msSince(t));
    }
    return pass;
}

} // namespace

int main(int argc, char **argv)
{
    bench::useOffscreenPlatform();
    QApplication app(argc, argv);
    bench::useDesktopFont();

    constexpr int kRows = 1000;
    bench::ThreadContent content(3);
    QList<models::Message> newestFirst;
    const qint64 start = 1'704'067'200'000;
    // Customers 1 (Persian), 9 (Arabic) and 15 (English) take turns, in runs.
    const qint64 speakers[] = {1, 9, 15};
    for (int i = kRows; i >= 1; --i) {
        const qint64 customer = speakers[(i / 7) % 3];
        const qint64 at = start + qint64(i) * 37 * 60'000;
        newestFirst.append(i % 5 == 0 ? content.longEmail(i, customer, at)
                                      : content.item(i, customer, at));
    }
    models::TimelineModel model;
    model.showCustomer(1);
    model.applyPage(1, newestFirst, 0, 0, true);

    QListView view; // only for the style option: font, palette, direction
    view.resize(800, 900);
    QStyleOptionViewItem option;
    option.initFrom(&view);
    option.widget = &view;
    option.font = QApplication::font();
    option.state = QStyle::State_Enabled;

    ui::TimelineDelegate delegate;
    QImage image(800, 900, QImage::Format_ARGB32_Premultiplied);
    const Pass cold = paintAll(delegate, model, option, image);
    const Pass warm = paintAll(delegate, model, option, image);
    image.save(bench::dataDir() + QStringLiteral("/paint-last-screen.png"));

    const double perScreen = bench::mean(cold.screenMs);
    bench::report({
        {QStringLiteral("name"), QStringLiteral("paint")},
        {QStringLiteral("figure"), bench::round2(perScreen)},
        {QStringLiteral("unit"), QStringLiteral("ms per screenful")},
        {QStringLiteral("target"), 8},
        {QStringLiteral("pass"), perScreen < 8},
        {QStringLiteral("screen_p95_ms"), bench::round2(bench::percentile(cold.screenMs, 95))},
        {QStringLiteral("repaint_cached_ms"), bench::round2(bench::mean(warm.screenMs))},
        {QStringLiteral("per_20_rows_ms"),
         bench::round2(bench::mean(cold.screenMs) * double(cold.screenMs.size()) /
                       double(cold.rows) * 20.0)},
        {QStringLiteral("rows"), cold.rows},
        {QStringLiteral("screens"), cold.screenMs.size()},
        {QStringLiteral("rows_per_screen"),
         bench::round2(double(cold.rows) / double(cold.screenMs.size()))},
        {QStringLiteral("width_px"), 800},
    });
    return 0;
}
