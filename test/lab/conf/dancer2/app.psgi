#!/usr/bin/perl
# Dancer2 0.400 (Debian's libdancer2-perl) with Plack middlewares from Debian, the lab's sixth set (issue 17), run by
# plackup. Each refusal is a documented piece of configuration:
# - Plack::Middleware::Auth::Basic (Plack's own, "enable 'Auth::Basic', authenticator => …") on /basic: 401
#   "Authorization required" with a Basic challenge;
# - Plack::Middleware::CSRFBlock (libplack-middleware-csrfblock-perl) on the forms, with Plack::Middleware::Session
#   as its SYNOPSIS shows: it writes a hidden "SEC" field into every POST form and answers a POST without the right
#   token 403 "CSRF detected";
# - Plack::Middleware::CrossOrigin (libplack-middleware-crossorigin-perl) allowing one partner origin on /api/public:
#   another origin gets no Access-Control-Allow-Origin;
# - Dancer2's own `send_error` for a role (Dancer2::Manual, "send_error") and a `before` hook (Dancer2::Manual,
#   "Hooks") checking X-Api-Key with `halt`;
# - environment "production": Dancer2's own error pages without the exception.
use strict;
use warnings;
use Plack::Builder;

package LabApp {
  use Dancer2;

  set environment => 'production';
  set show_errors => 0;

  my $API_KEY = 'lab-key-91fe';

  hook before => sub {
    return unless request->path =~ m{^/api/private};
    my $key = request->header('X-Api-Key');
    if (!defined $key || $key eq '') {
      status 401;
      content_type 'application/json';
      halt(encode_json({ error => 'API key required' }));
    }
    if ($key ne $API_KEY) {
      status 403;
      content_type 'application/json';
      halt(encode_json({ error => 'Invalid API key' }));
    }
  };

  get '/basic/' => sub { send_as JSON => { user => request->env->{REMOTE_USER} } };

  get '/basic/admin' => sub {
    send_error('Administrators only', 403) unless request->env->{REMOTE_USER} eq 'root';
    send_as JSON => { admin => 1 };
  };

  get '/api/private/items' => sub { send_as JSON => { items => [] } };
  get '/api/public/items'  => sub { send_as JSON => { items => [] } };

  get '/profile' => sub {
    send_as html => '<!doctype html><html><head><title>profile</title></head><body>'
      . '<form method="post" action="/profile"><input name="name" value="lab"><button>Save</button></form>'
      . '</body></html>';
  };
  post '/profile' => sub { send_as JSON => { saved => 1 } };

  post '/register' => sub {
    my $password = body_parameters->get('password') // '';
    if (length $password < 12) {
      status 400;
      send_as JSON => { errors => { password => 'must be at least 12 characters' } };
    }
    send_as JSON => { ok => 1 };
  };

  get '/boom' => sub { die "boom\n" };
}

my %USERS = (lab => 'labpass', root => 'rootpass');

builder {
  enable 'Session';
  enable 'CSRFBlock';
  enable_if { $_[0]->{PATH_INFO} =~ m{^/api/public/} } 'CrossOrigin', origins => ['https://partner.example.com'];
  enable_if { $_[0]->{PATH_INFO} =~ m{^/basic/} } 'Auth::Basic',
    authenticator => sub { my ($user, $pass) = @_; defined $USERS{$user} && $USERS{$user} eq $pass };
  LabApp->to_app;
};
