// Generated from data/html/tags.txt by tests/html_readers.rs: do not edit
// (UPDATE_HTML=1 cargo test --test html_readers writes it again).
// The tables www/blocks.js reads a page with, the CLI's own.

export const HTML_TABLES = {
  'block': ['address','article','aside','blockquote','caption','dd','details','dialog','div','dl','dt','fieldset','figcaption','figure','footer','form','h1','h2','h3','h4','h5','h6','header','hgroup','hr','li','main','menu','nav','ol','p','pre','section','summary','table','tbody','td','tfoot','th','thead','tr','ul'],
  'skip': ['audio','button','canvas','embed','head','iframe','input','link','math','meta','noscript','object','option','script','select','style','svg','template','textarea','title','video'],
  'void': ['area','base','br','col','embed','hr','img','input','link','meta','source','track','wbr'],
  'chrome-tags': ['aside','menu','nav'],
  'page-tags': ['footer'],
  'head-tags': ['header'],
  'related-links': ['docnhieu','docthem','lienquan','morenews','mostpopular','mostread','mostview','mostviewed','othernews','outbrain','popular','recommend','recommendation','recommended','relate','related','relates','relation','taboola','tinkhac','tinlienquan','tinlq','trending','xemnhieu','xemthem'],
  'comments-or-tags': ['binhluan','comment','commentbox','comments','hashtag','hashtags','keyword','keywords','tag','tags','tukhoa'],
  'widget': ['ad','ads','adsense','adv','advert','advertisement','advertising','banner','cookie','cookies','modal','newsletter','popup','quangcao','rating','share','sharer','sharing','sociable','social','sponsor','sponsored','subscribe','toolbar','vote','widget'],
  'navigation': ['breadcrumb','breadcrumbs','complementary','contentinfo','crumb','crumbs','footer','menu','menubar','nav','navbar','navigation','search','sidebar','submenu','subnav'],
  'caption': ['caption','captions','chuthich','figcaption','imagecaption','imgcaption','photocaption'],
  'article-body': ['articlebody'],
};
